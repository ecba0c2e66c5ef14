import { render } from 'preact';
import { Options } from './Options';
import { t, uiLang } from '../ui/i18n';

document.documentElement.lang = uiLang();
document.title = t('optionsTitle');
render(<Options />, document.getElementById('app')!);
