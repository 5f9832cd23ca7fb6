/**
 * Getting the real programs the tests run beside Gatewire: the cache they are kept in outside the
 * repository, and Go tools built from modules whose sources live in {@code testkit/go}.
 */
package io.gatewire.testkit.tools;
