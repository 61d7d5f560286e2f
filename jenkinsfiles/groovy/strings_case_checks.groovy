def s = 'Jenkins2'
echo "isUpperCase first: ${Character.isUpperCase(s.charAt(0))}"
echo "all digits: ${'123'.every { Character.isDigit(it as char) }}"
echo "matches digits: ${'123' ==~ /\d+/}"
echo "toUpperCase == : ${s.toUpperCase() == 'JENKINS2'}"
echo "isBlank via trim: ${'   '.trim().isEmpty()}"
echo "startsWith any: ${['Jen', 'Hud'].any { s.startsWith(it) }}"
echo "asBoolean: ${s.asBoolean()} ${''.asBoolean()}"
