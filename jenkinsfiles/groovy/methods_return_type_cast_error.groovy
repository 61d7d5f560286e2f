Integer count(list) {
    return list.size() + ' items'
}
echo "calling a method whose Integer return type cannot hold a String"
echo "${count([1, 2])}"
