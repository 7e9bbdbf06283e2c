import {render} from 'preact';
import {App} from './App';
import './style.css';
// The popover's details styles (the popup is an extension page of its own, so they style nothing else).
import '@/components/badge.css';
import '@/components/china-map.css';

render(<App />, document.getElementById('app')!);
