def declared = 'present'
assigned = 'in binding'
echo "declared: ${declared}"
echo "assigned: ${assigned}"
echo "reading an undefined variable:"
echo "${undefinedThing}"
