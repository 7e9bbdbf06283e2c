/** The public keys signed rules updates may be signed with (data/rules-keys.json, checked at build time). */
import keysFile from '../../data/rules-keys.json';
import type {TrustedKey} from './signed-update';

export function bundledKeys(): TrustedKey[] {
	return keysFile.keys;
}
