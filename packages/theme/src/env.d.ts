/// <reference types="astro/client" />
/// <reference path="../virtual.d.ts" />
