/** Checks on the repository itself: that it stands alone. */
package io.gatewire.testkit.repo;
