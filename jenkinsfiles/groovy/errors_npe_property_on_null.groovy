def build = [info: null]
echo "build: ${build}"
echo "safe: ${build.info?.number}"
echo "about to read build.info.number"
echo "${build.info.number}"
