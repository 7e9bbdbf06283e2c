/**
 * The second content script: the generic readers (schema.org data, GDS lines, the generic text detector), which the
 * site adapters never need, so the first script (entrypoints/itinerary.ts) does not carry them. The background
 * registers it before the first on the sites the user added; the popup puts it into a tab when the user scans it or
 * when a site's cards no longer read. It only hands the readers over, in the isolated world both scripts share.
 */
import {defineUnlistedScript} from 'wxt/utils/define-unlisted-script';
import {installGeneric} from '@/lib/browser/content-api';
import {genericDetector} from '@/lib/detect/generic-page';

export default defineUnlistedScript(() => installGeneric(genericDetector));
