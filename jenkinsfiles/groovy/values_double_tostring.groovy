[1.0d, 1.0E10d, 1.0E-5d, 100.0d, 0.001d, 1234567.0d, 12345678.9d, 1e7d, 1e-3d, 1e-4d, -0.0d, 3.14159d].each {
    echo "double: ${it}"
}
echo "float 0.1f: ${0.1f}"
echo "float 1e10f: ${1e10f}"
echo "as double: ${(float) 0.1 as double}"
echo "list: ${[1.0d, 2.5d, 1e20d]}"
