import {render} from 'preact';
import {CheckInCard} from '@/components/CheckInCard';
import './style.css';

render(<CheckInCard />, document.getElementById('app')!);
