# Convenience targets; the scripts are the source of truth.
.PHONY: release test run bench

# A binary with the Swift runtime linked statically: copy .build/release/podmem to a node without Swift.
release:
	swift build -c release --product podmem --static-swift-stdlib
	@ls -l .build/release/podmem

test:
	scripts/test

run:
	scripts/run

bench:
	bench/run
