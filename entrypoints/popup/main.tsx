import {render} from 'preact';
import {App} from './App';
import './style.css';
// The badge's and the details' styles (the popup is an extension page of its own, so they style nothing else).
import '@/components/badge.css';
import '@/components/details.css';
import '@/components/china-map.css';

render(<App />, document.getElementById('app')!);
