import { render } from 'preact';
import { Popup } from './Popup';
import { t, uiLang } from '../ui/i18n';

document.documentElement.lang = uiLang();
document.title = t('extName');
render(<Popup />, document.getElementById('app')!);
