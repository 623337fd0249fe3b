#!/bin/sh
# doctor.sh - check that every tool the kit needs is installed.
#
#   doctor.sh                 check everything; as root on Debian, install
#                             what is missing with apt-get
#   doctor.sh --build-check   check only what building needs, quietly (make
#                             runs this before compiling anything); when
#                             something is missing, install it as root on
#                             Debian, else print one paragraph and fail
#   doctor.sh --need TOOL     the same for TOOL (qemu, bochs, gdb)
#   doctor.sh --quiet         like the first, printing only what is missing
#
# Each check names the Debian package that provides the tool. Installing
# as root is what lets 'make qemu-nox' and 'make test' set up a fresh
# Debian machine by themselves.

# Every Debian package the kit uses.
ALL_PACKAGES="make gcc gcc-multilib binutils python3 qemu-system-x86 gdb bochs bochsbios vgabios util-linux bubblewrap"

CC=${CC:-${TOOLPREFIX}gcc}

# can_install: root on a system with apt-get (a fresh Debian machine, CI).
can_install() {
	[ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1
}

# install PACKAGE...: apt-get install, saying so first.
install() {
	echo "*** Installing the kit's tools: $*" >&2
	apt-get update -qq >&2 &&
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

# compiler_works: can we compile and link a 32-bit freestanding program
# against 32-bit libgcc? That is what gcc-multilib provides on Debian.
compiler_works() {
	dir=$(mktemp -d) || return 1
	printf 'int f(long long a, long long b) { return a / b; }\n' > "$dir/t.c"
	$CC -m32 -ffreestanding -nostdlib -c -o "$dir/t.o" "$dir/t.c" 2>/dev/null &&
		libgcc=$($CC -m32 -print-libgcc-file-name 2>/dev/null) &&
		test -f "$libgcc"
	status=$?
	rm -rf "$dir"
	return $status
}

# build_problem: what stops a build, or nothing.
build_problem() {
	if ! command -v "$CC" >/dev/null 2>&1; then
		echo "There is no C compiler ($CC)."
	elif ! compiler_works; then
		echo "$CC cannot build 32-bit x86 code: the 32-bit libgcc is missing."
	elif ! command -v python3 >/dev/null 2>&1; then
		echo "python3 is missing; the image builder is written in Python."
	fi
}

if [ "$1" = "--build-check" ]; then
	problem=$(build_problem)
	[ -z "$problem" ] && exit 0
	if can_install && [ -z "$TOOLPREFIX" ]; then
		install $ALL_PACKAGES && problem=$(build_problem)
		[ -z "$problem" ] && exit 0
	fi
	cat >&2 <<EOF

*** Cannot build the kit yet. $problem
*** On Debian or Ubuntu install the tools with
***     sudo apt-get install gcc-multilib make python3 qemu-system-x86 gdb bochs bochsbios vgabios
*** or run 'sudo make doctor', which checks every tool and installs what is
*** missing. On other hosts install an i386-elf- (or i686-elf-) cross gcc and
*** binutils; the build uses it automatically.

EOF
	exit 1
fi

if [ "$1" = "--need" ]; then
	case "$2" in
	qemu) tool=qemu-system-i386; package=qemu-system-x86 ;;
	bochs) tool=bochs; package="bochs bochsbios vgabios" ;;
	gdb) tool=gdb; package=gdb ;;
	*) echo "doctor.sh: unknown tool $2" >&2; exit 2 ;;
	esac
	command -v "$tool" >/dev/null 2>&1 && exit 0
	if can_install; then
		install $package && command -v "$tool" >/dev/null 2>&1 && exit 0
	fi
	echo "*** $tool is not installed: sudo apt-get install $package (or sudo make doctor)" >&2
	exit 1
fi

# Full check: one line per tool.
quiet=""
[ "$1" = "--quiet" ] && quiet=yes
missing=""
report() {	# report NAME OK? PACKAGE DETAIL
	if [ "$2" = yes ]; then
		[ -n "$quiet" ] || printf '  ok       %-20s %s\n' "$1" "$4"
	else
		printf '  MISSING  %-20s install Debian package: %s\n' "$1" "$3"
		missing="$missing $3"
	fi
}
have() { command -v "$1" >/dev/null 2>&1 && echo yes || echo no; }
first_line() { "$@" 2>&1 | head -n 1; }
# at_least TOOL-VERSION-LINE MAJOR MINOR: yes when the first X.Y in the line is new enough.
at_least() {
	echo "$1" | awk -v major="$2" -v minor="$3" '{
		if (match($0, /[0-9]+\.[0-9]+/)) {
			split(substr($0, RSTART, RLENGTH), v, ".")
			ok = v[1] > major || (v[1] == major && v[2] >= minor)
		}
		print ok ? "yes" : "no"; exit
	}'
}
# versioned NAME COMMAND PACKAGE MAJOR MINOR: present and new enough.
versioned() {
	if ! command -v "$2" >/dev/null 2>&1; then
		report "$1" no "$3" ""
		return
	fi
	line=$(first_line "$2" --version)
	if [ "$(at_least "$line" "$4" "$5")" = yes ]; then
		report "$1" yes "$3" "$line"
	else
		printf '  OLD      %-20s %s (need %s.%s or newer: upgrade %s)\n' "$1" "$line" "$4" "$5" "$3"
		missing="$missing $3"
	fi
}

[ -n "$quiet" ] || echo "Checking the tools the kit needs:"
report make "$(have make)" make "$(first_line make --version)"
report "$CC" "$(have "$CC")" gcc "$(first_line "$CC" --version)"
if compiler_works; then ok=yes; else ok=no; fi
report "32-bit libgcc" "$ok" gcc-multilib "gcc -m32 links"
report objcopy "$(have "${TOOLPREFIX}objcopy")" binutils ""
report addr2line "$(have "${TOOLPREFIX}addr2line")" binutils ""
versioned python3 python3 python3 3 8
versioned qemu-system-i386 qemu-system-i386 qemu-system-x86 7 2
versioned gdb gdb gdb 9 0
report bochs "$(have bochs)" bochs "Bochs 2.7 expected"
if [ -f /usr/share/bochs/BIOS-bochs-latest ]; then ok=yes; else ok=no; fi
report "Bochs BIOS" "$ok" bochsbios /usr/share/bochs/BIOS-bochs-latest
if [ -f /usr/share/vgabios/vgabios.bin ]; then ok=yes; else ok=no; fi
report "VGA BIOS" "$ok" vgabios /usr/share/vgabios/vgabios.bin
report mkfs.minix "$(have mkfs.minix)" util-linux "used from lab 3 on"
report fsck.minix "$(have fsck.minix)" util-linux "used from lab 3 on"
report bwrap "$(have bwrap)" bubblewrap "the autograder's sandbox"

if [ -z "$missing" ]; then
	[ -n "$quiet" ] || echo "Everything is installed."
	exit 0
fi
packages=$(echo $missing | tr ' ' '\n' | sort -u | tr '\n' ' ')
if can_install; then
	install $packages
	exit $?
fi
echo "Install them with: sudo apt-get install $packages"
echo "(or run 'sudo make doctor', which installs them)"
exit 1
