import groovy.json.JsonOutput
echo JsonOutput.toJson([int: 1, long: 10000000000L, big: 123456789012345678901234567890G])
echo JsonOutput.toJson([bd: 1.50, div: 1 / 3, e: 1e3])
echo JsonOutput.toJson([d: 1.5d, whole: 2.0d, small: 1.0E-5d])
echo JsonOutput.toJson([neg: -7, zero: 0, negd: -0.5d])
echo JsonOutput.toJson([f: 1.25f])
