def flags = 0
flags |= 1 << 2
flags |= 1 << 0
echo "flags: ${flags} binary ${Integer.toBinaryString(flags)}"
echo "has bit 2: ${(flags & (1 << 2)) != 0}"
echo "has bit 1: ${(flags & (1 << 1)) != 0}"
flags &= ~1
echo "cleared bit 0: ${flags}"
echo "xor toggle: ${flags ^ 0b111}"
echo "shift long: ${1L << 40}"
echo "unsigned shift: ${-1 >>> 1}"
echo "signed shift: ${-8 >> 1}"
echo "boolean bitwise: ${true & false} ${true | false} ${true ^ true}"
