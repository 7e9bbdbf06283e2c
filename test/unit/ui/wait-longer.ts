/**
 * For the DOM tests that wait for a result to appear (findBy, waitFor): a check re-renders a whole result, and on a
 * loaded machine (CI's two test workers at once) that has taken longer than the library's 1 s default (a route check
 * on the later clock, 2026-12-06). A result that never comes still fails, after 10 s (the test itself has 30 s: vitest.config.ts).
 */
import {configure} from '@testing-library/preact';

configure({asyncUtilTimeout: 10_000});
