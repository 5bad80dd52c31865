/**
 * Skerry in a real browser: {@link dev.skerry.browser.Browser} serves the built {@code js-wrapper/target/dist}
 * and a test page with Jetty and drives headless Chromium with Playwright; each {@code *Test} runs JavaScript
 * against {@code skerry.js} in the page and compares what comes back, with SQLite's answers where SQLite can
 * be asked (sqlite-jdbc).
 */
package dev.skerry.browser;
