//! The integration tests, one binary (as ripgrep's `tests/integration`): one module a concern,
//! helpers only tests use in `support`, and what tests share with benchmarks and examples in
//! the `parallax-devkit` crate (`devkit/`). Run one concern with `cargo test --test it tui::`.

mod support;

mod alignment;
mod compare;
mod fetch;
mod grouping;
mod hostile_input;
mod loading;
mod report;
mod repository;
mod robustness;
mod tui;
