// Types of electron-vite's main-process imports (`?asset`: a file copied into out/ whose path
// the import yields), used for the window and About icon.
/// <reference types="electron-vite/node" />
