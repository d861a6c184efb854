/**
 * `npm run screenshots`: starts the demo stack without its story, opens every imported template
 * in n8n's editor in headless Chromium, and saves a picture of each canvas to
 * docs/images/<template>.png for the README. Needs Debian's chromium (`apt-get install chromium`);
 * CI does not run it, because the pictures are committed.
 */
import { existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';

import { chromium, type Page } from 'playwright-core';

import { DEMO_OWNER, startDemo } from './lib/demo';
import { REPO_DIR } from './lib/paths';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const IMAGES_DIR = path.join(REPO_DIR, 'docs', 'images');

/**
 * Hides the "Production Checklist" card that n8n 2.x shows over the canvas of a published
 * workflow; it covers the overview note. The card has no stable test id, so it is found by its
 * heading and hidden from the heading's first ancestor tall enough to be the whole card.
 */
async function hideChecklist(page: Page): Promise<void> {
	await page
		.getByText('Production Checklist', { exact: true })
		.waitFor({ timeout: 5_000 })
		.catch(() => undefined);
	// A string, because this package compiles without the DOM's types.
	await page.evaluate(`
		for (const element of document.querySelectorAll('body *')) {
			if (element.childElementCount > 0) continue;
			if (element.textContent.trim() !== 'Production Checklist') continue;
			let card = element;
			while (card.parentElement && card.getBoundingClientRect().height < 150) {
				card = card.parentElement;
			}
			card.style.display = 'none';
		}
	`);
}

/** Hides the buttons that float over the canvas (zoom controls, Execute workflow). */
async function hideOverlays(page: Page): Promise<void> {
	await page.evaluate(`
		for (const id of ['canvas-controls', 'execute-workflow-button']) {
			const element = document.querySelector('[data-test-id="' + id + '"]');
			// The Execute workflow button sits in a group with its trigger picker.
			const target = id === 'execute-workflow-button' ? element?.parentElement : element;
			if (target) target.style.visibility = 'hidden';
		}
	`);
}

/** Returns the rectangle around every node and sticky note on the canvas, with a margin. */
async function workflowBounds(
	page: Page,
): Promise<{ x: number; y: number; width: number; height: number }> {
	const margin = 24;
	const box = (await page.evaluate(`(() => {
		const rects = Array.from(document.querySelectorAll('.vue-flow__node'), (node) =>
			node.getBoundingClientRect(),
		);
		return {
			left: Math.min(...rects.map((rect) => rect.left)),
			top: Math.min(...rects.map((rect) => rect.top)),
			right: Math.max(...rects.map((rect) => rect.right)),
			bottom: Math.max(...rects.map((rect) => rect.bottom)),
		};
	})()`)) as { left: number; top: number; right: number; bottom: number };
	const x = Math.max(0, box.left - margin);
	const y = Math.max(0, box.top - margin);
	return { x, y, width: box.right + margin - x, height: box.bottom + margin - y };
}

function log(message: string): void {
	process.stderr.write(`[screenshots] ${message}\n`);
}

async function main(): Promise<void> {
	if (!existsSync(CHROMIUM)) {
		throw new Error(
			`Chromium is not at ${CHROMIUM}. Install it with "sudo apt-get install chromium", or set CHROMIUM_PATH.`,
		);
	}
	mkdirSync(IMAGES_DIR, { recursive: true });
	const demo = await startDemo(log);
	// The flags keep Chromium from reaching out to Google's services, which this machine's
	// closed network refuses.
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	try {
		const page = await browser.newPage({
			viewport: { width: 1920, height: 1080 },
			deviceScaleFactor: 1.5,
		});
		await page.goto(`${demo.stack.n8nUrl}/signin`);
		await page.locator('input[type="email"]').fill(DEMO_OWNER.email);
		await page.locator('input[type="password"]').fill(DEMO_OWNER.password);
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });

		for (const workflow of demo.workflows) {
			await page.goto(`${demo.stack.n8nUrl}/workflow/${workflow.id}`);
			const canvas = page.locator('[data-test-id="canvas"]');
			await canvas.waitFor({ timeout: 30_000 });
			await hideChecklist(page);
			// Fit the whole workflow into view with the editor's "Zoom to fit" button.
			await page.locator('[data-test-id="zoom-to-fit"]').click();
			await page.waitForTimeout(1_500);
			await hideOverlays(page);
			const file = path.join(IMAGES_DIR, `${path.basename(workflow.file, '.json')}.png`);
			await page.screenshot({ path: file, clip: await workflowBounds(page) });
			log(`Saved ${path.relative(REPO_DIR, file)}`);
		}
	} finally {
		await browser.close();
		await demo.stack.stop();
	}
}

main().catch((error: Error) => {
	log(error.message);
	process.exitCode = 1;
});
