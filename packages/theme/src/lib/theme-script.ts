/**
 * The one script of an article page: a tiny inline `<head>` script that sets `data-theme` on `<html>`
 * before the first paint (so a reader who chose dark never sees a flash of light), and makes the
 * `[data-khabar-theme-toggle]` button switch and remember the choice (localStorage). Without JavaScript
 * the button stays hidden and the page follows `prefers-color-scheme`.
 */

/** The localStorage key of the reader's choice. */
export const THEME_STORAGE_KEY = 'khabar-theme';

/**
 * The script's source, minified by hand (it is inlined on every page: keep it a few hundred bytes). A
 * media query needs no space after its colon; arrow functions and `?.` are in every browser the theme's
 * CSS supports.
 */
export const THEME_SCRIPT =
  `(()=>{var d=document,r=d.documentElement,k='${THEME_STORAGE_KEY}',q='[data-khabar-theme-toggle]',t;` +
  `try{t=localStorage.getItem(k)}catch(e){}` +
  `if(t!='dark'&&t!='light')t=matchMedia('(prefers-color-scheme:dark)').matches?'dark':'light';` +
  `var s=v=>{r.dataset.theme=t=v;d.querySelectorAll(q).forEach(b=>b.setAttribute('aria-pressed',v=='dark'))};` +
  `s(t);d.addEventListener('DOMContentLoaded',()=>s(t));` +
  `d.addEventListener('click',e=>{if(e.target.closest?.(q)){s(t=='dark'?'light':'dark');` +
  `try{localStorage.setItem(k,t)}catch(e){}}})})()`;
