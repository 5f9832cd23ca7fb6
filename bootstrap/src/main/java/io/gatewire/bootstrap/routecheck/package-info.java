/**
 * {@code route-check} cases: the case file schema of the Gateway API conformance data ({@link
 * io.gatewire.bootstrap.routecheck.CaseFile}, read by {@link
 * io.gatewire.bootstrap.routecheck.CaseFileReader}), how a case becomes a request ({@link
 * io.gatewire.bootstrap.routecheck.CaseRequests}), how the outcome is judged against its
 * expectations ({@link io.gatewire.bootstrap.routecheck.Expectations}), the input adjustments
 * route-check makes (runtime changes, stubbed certificates, endpoint knowledge) and the printed
 * report.
 */
package io.gatewire.bootstrap.routecheck;
