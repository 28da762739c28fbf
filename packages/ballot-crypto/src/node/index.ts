/**
 * Node-only entry point (`@konsey/ballot-crypto/node`): worker-thread verification and the
 * libsodium (WASM) group backend. Never import this from browser code.
 * @packageDocumentation
 */
export { parallelBallotChecker } from '../cli/parallel-ballot-checker.js';
export { createSodiumBallotVerifier, type BallotVerifier } from './sodium-ballot-verifier.js';
