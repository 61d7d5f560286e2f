def ids = [5, 10, 15]
ids.remove(0)
echo "remove(0) removed the element at index 0: ${ids}"
def names = ['a', 'b']
names.remove('a')
echo "remove('a') removed the value: ${names}"
def nums = [1, 2, 3]
nums.remove((Object) 3)
echo "cast to Object to remove by value: ${nums}"
nums.removeElement(1)
echo "or removeElement: ${nums}"
echo "minus also works: ${[7, 8, 7] - 7}"
