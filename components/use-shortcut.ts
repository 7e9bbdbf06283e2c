/** The popup's keyboard shortcut as the browser has it, for the pages that name it (options, welcome). */
import {useEffect, useState} from 'preact/hooks';
import {popupShortcut} from '@/lib/browser/shortcut';

/**
 * The keys that open the popup (null: none set; undefined until the browser says), read again when the page comes
 * back into view: the user changes them on the browser's own page, and Chrome tells extensions nothing of it.
 */
export function usePopupShortcut(): string | null | undefined {
	const [keys, setKeys] = useState<string | null>();
	useEffect(() => {
		const read = () => void popupShortcut().then(setKeys, () => setKeys(null));
		read();
		const onVisible = () => {
			if (document.visibilityState === 'visible') read();
		};
		document.addEventListener('visibilitychange', onVisible);
		return () => document.removeEventListener('visibilitychange', onVisible);
	}, []);
	return keys;
}
