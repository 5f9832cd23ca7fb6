/**
 * Reuse of work between translations, in one place. A {@link io.gatewire.domain.incremental.Memos}
 * table holds named {@link io.gatewire.domain.incremental.Memo}s: per key, a value with what it was
 * computed from (its inputs, the answers it looked up, the memo entries it used), reused while all
 * of that is unchanged. Both halves use it: the translator (Gateway API to IR) and the xDS sink (IR
 * to protos and versions), each with a table of its own that its owner ends once per change. {@link
 * io.gatewire.domain.incremental.ResourceChanges} says what changed between two inputs, as data,
 * and lets the new input share the unchanged objects of the old one, so every later check of "is
 * this the same" is an identity check.
 *
 * <p>Reuse never changes a result, only which instances it is made of: a translation with a long
 * lived table equals one with a fresh table (the incremental equivalence tests check it).
 */
package io.gatewire.domain.incremental;
