// Copies node and credential icons, and the fonts the PDF renderer embeds with their
// licences (the SIL Open Font License requires them to ship with the fonts), next to the
// compiled JavaScript in dist/, because tsc only emits .js, .d.ts and .json.
const { src, dest, parallel } = require('gulp');

function buildIcons() {
	return src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

function buildFonts() {
	return src(['nodes/**/fonts/*.{ttf,otf,txt}', 'nodes/**/fonts/README.md'], { base: '.', encoding: false }).pipe(dest('dist'));
}

exports['build:icons'] = parallel(buildIcons, buildFonts);
