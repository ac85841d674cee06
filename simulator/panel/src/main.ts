/** Entry of the control panel: defines every element; <tiksim-panel> in index.html does the rest. */
import './tiksim-panel.ts';
