/**
 * The site adapters a content script carries. As written here, all of them (the registry): the plain content script,
 * `itinerary.js`, which the user's own sites and the popup's scan get, where any built-in site may be the page. Each
 * built-in site has a content script of its own (lib/sites `siteScriptName`), built from the same entry with this
 * module replaced by that site's adapter alone (wxt.config.ts), so a results page compiles only the adapter that
 * reads it.
 */
export {adapters as carried} from './index';
