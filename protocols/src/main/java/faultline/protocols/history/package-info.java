/**
 * Client histories (Jepsen style: invoke, then ok, fail or info) and the contract for checking
 * them, such as linearizability against a register or key-value model.
 */
package faultline.protocols.history;
