//! Keeps the README honest about examples that other test suites run: the
//! JavaScript example in README.md must be `examples/web/readme-example.js`
//! verbatim (the browser tests run that file).

#[test]
fn readme_shows_the_js_example_the_browser_tests_run() {
    let readme = include_str!("../../README.md");
    let example = include_str!("../../examples/web/readme-example.js");
    let block = format!("```js\n{}\n```", example.trim_end());
    assert!(
        readme.contains(&block),
        "README.md's ```js block differs from examples/web/readme-example.js; paste the file in"
    );
}
