# Convenience targets; the scripts are the source of truth.
.PHONY: release image test run bench

# A binary with the Swift runtime linked statically: copy .build/release/podmem to a node without Swift.
release:
	swift build -c release --product podmem --static-swift-stdlib
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
