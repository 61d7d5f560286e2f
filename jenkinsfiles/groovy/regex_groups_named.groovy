def m = 'build 2024-05-17 done' =~ /(?<year>\d{4})-(?<month>\d\d)-(?<day>\d\d)/
if (m.find()) {
    echo "year: ${m.group('year')}"
    echo "month: ${m.group('month')}"
    echo "day: ${m.group('day')}"
}
def m2 = 'x' =~ /(a)?x/
echo "optional group: ${m2[0]}"
echo "optional group value: ${m2[0][1]}"
