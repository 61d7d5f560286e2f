def scores = [ann: 90, ben: 72, cat: 90, dov: 60]
def best = scores.max { it.value }
echo "max entry: ${best.key}=${best.value}"
def worst = scores.min { a, b -> a.value <=> b.value }
echo "min entry comparator: ${worst}"
echo "top 2: ${scores.sort { -it.value }.take(2)}"
echo "names over 70: ${scores.findAll { it.value > 70 }.keySet()}"
echo "average: ${scores.values().sum() / scores.size()}"
echo "take on map: ${scores.take(1)} drop: ${scores.drop(3)}"
