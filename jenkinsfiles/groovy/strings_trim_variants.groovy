def s = '\t  padded text \n '
echo "[${s.trim()}]"
echo "[${s.replaceAll(/^\s+/, '')}]".replace('\n', '\\n')
echo "[${s.replaceAll(/\s+$/, '')}]".replace('\t', '\\t')
echo "[${'x  y   z'.replaceAll(/\s+/, ' ')}]"
echo "[${'---a---'.replaceAll(/^-+|-+$/, '')}]"
echo "[${'Mixed Case'.toLowerCase().replace(' ', '-')}]"
