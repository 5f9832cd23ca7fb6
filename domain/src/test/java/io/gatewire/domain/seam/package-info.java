/**
 * Goldens at the domain seam: Gateway API objects, as domain records, to IR and status. {@link
 * io.gatewire.domain.seam.RecordText} is the text form of those records; the bootstrap module's
 * tests check each case's records against the manifest decoder, this package's tests check the
 * translator against the IR and status goldens.
 */
package io.gatewire.domain.seam;
