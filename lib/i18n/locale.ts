/** The languages the extension speaks: English, Simplified Chinese (mainland) and Traditional Chinese (Taiwan). */
export type Locale = 'en' | 'zh-CN' | 'zh-TW';
export const LOCALES: readonly Locale[] = ['en', 'zh-CN', 'zh-TW'];
