//! The repository tree stays as committed: no test run leaves a file behind in it (exports of
//! a randomised test once landed at the top level and were committed), and no tracked file has
//! a name a shell would trip on.

use std::path::Path;
use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new("git")
        .args(args)
        .current_dir(root)
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Untracked files a test run could have left: anything at the top level of the repository
/// (where `cargo test` runs, so where a relative path lands), and temporary or export files
/// anywhere. New source files under src/, tests/ and docs/ are the developer's work, not
/// leftovers. Fails on the run after the one that left the file, naming it.
#[test]
fn no_test_leaves_a_file_in_the_repository() {
    // Outside a git checkout (a source tarball) there is nothing to compare against.
    let Some(untracked) = git(&["ls-files", "--others", "--exclude-standard"]) else {
        return;
    };
    let leftovers: Vec<&str> = untracked
        .lines()
        .filter(|p| {
            !p.contains('/')
                || p.ends_with(".tmp")
                || p.ends_with(".json")
                || p.ends_with(".html")
                || p.rsplit('/')
                    .next()
                    .is_some_and(|name| name.starts_with(".tmp"))
        })
        .collect();
    assert!(
        leftovers.is_empty(),
        "files left in the repository (by a test, or not yet added): {leftovers:?}"
    );
}

#[test]
fn tracked_file_names_are_plain() {
    let Some(files) = git(&["ls-files", "-z"]) else {
        return;
    };
    for name in files.split('\0').filter(|n| !n.is_empty()) {
        assert!(
            name.chars()
                .all(|c| c.is_ascii_alphanumeric() || "._-/+".contains(c)),
            "tracked file with spaces, control or shell characters: {name:?}"
        );
    }
}
