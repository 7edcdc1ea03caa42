/**
 * The one script of an article page: a tiny inline `<head>` script that sets `data-theme` on `<html>`
 * before the first paint (so a reader who chose dark never sees a flash of light), and makes the
 * `[data-khabar-theme-toggle]` button switch and remember the choice (localStorage). Without JavaScript
 * the button stays hidden and the page follows `prefers-color-scheme`.
 */

/** The localStorage key of the reader's choice. */
export const THEME_STORAGE_KEY = 'khabar-theme';

/** The script's source, minified by hand (it is inlined on every page: keep it a few hundred bytes). */
export const THEME_SCRIPT =
  `(()=>{var d=document,r=d.documentElement,k='${THEME_STORAGE_KEY}',t;` +
  `try{t=localStorage.getItem(k)}catch(e){}` +
  `if(t!='dark'&&t!='light')t=matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light';` +
  `function s(v){r.dataset.theme=t=v;d.querySelectorAll('[data-khabar-theme-toggle]').forEach(function(b){b.setAttribute('aria-pressed',v=='dark')})}` +
  `s(t);d.addEventListener('DOMContentLoaded',function(){s(t)});` +
  `d.addEventListener('click',function(e){var b=e.target.closest&&e.target.closest('[data-khabar-theme-toggle]');` +
  `if(b){s(t=='dark'?'light':'dark');try{localStorage.setItem(k,t)}catch(e){}}})})()`;
