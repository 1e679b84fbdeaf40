# Convenience targets; the scripts are the source of truth.
.PHONY: release image test run bench

# A binary that needs only glibc (>= 2.34) and libgcc_s on the node: the Swift runtime, ncursesw, tinfo and
# libstdc++ are linked from their static archives (see PODMEM_STATIC_LIBS in Package.swift). Copy
# .build/release/podmem to a node without Swift or ncurses.
release:
	scripts/build-release
	@ls -l .build/release/podmem

# The DaemonSet image, with no registry: FROM scratch with the binary, the libraries ldd lists, a terminfo set.
image: release
	deploy/stage-image
	docker build -f deploy/Dockerfile -t podmem:local .build/image-root

test:
	scripts/test

run:
	scripts/run

bench:
	bench/run
