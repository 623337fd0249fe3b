/*
 * vga.h - the VGA text screen: 80 x 25 cells at physical 0xB8000, each a
 * character and an attribute byte above it, and the CRT controller's
 * cursor registers. For the kernel's console (and lab 4's console driver).
 */
#ifndef CAIRN_VGA_H
#define CAIRN_VGA_H

#define VGA_TEXT_PHYSICAL 0xB8000
#define VGA_COLUMNS 80
#define VGA_ROWS    25
#define VGA_GREY_ON_BLACK 0x0700	/* attribute byte, above the character */
#define VGA_CRTC_INDEX 0x3D4		/* CRT controller: register number */
#define VGA_CRTC_DATA  0x3D5		/* CRT controller: register value */
#define VGA_CURSOR_HIGH 14		/* CRT registers: cursor cell number */
#define VGA_CURSOR_LOW  15

#endif /* CAIRN_VGA_H */
