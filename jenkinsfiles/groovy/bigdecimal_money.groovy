def prices = [19.99, 5.01, 0.10]
def total = prices.sum()
echo "total: ${total}"
def tax = total * 0.08
echo "tax raw: ${tax}"
echo "tax rounded: ${tax.setScale(2, java.math.RoundingMode.HALF_UP)}"
def split = total / 3
echo "split three ways: ${split}"
echo "formatted: ${String.format('%.2f', split)}"
def qty = 3
echo "qty * price: ${qty * 19.99}"
echo "discount: ${total - total * 0.1}"
