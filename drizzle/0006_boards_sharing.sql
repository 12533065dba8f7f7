CREATE TABLE `boards` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` integer NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`time_range` text NOT NULL,
	`variables` text NOT NULL,
	`panels` text NOT NULL,
	`owner_id` text,
	`owner_email` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `boards_project_idx` ON `boards` (`project_id`,`updated_at`);--> statement-breakpoint
CREATE TABLE `short_links` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` integer NOT NULL,
	`url` text NOT NULL,
	`created_by` text,
	`created_by_email` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `short_links_project_idx` ON `short_links` (`project_id`,`url`);--> statement-breakpoint
CREATE TABLE `snapshots` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`board_id` text,
	`title` text NOT NULL,
	`payload` text NOT NULL,
	`created_by` text,
	`created_by_email` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`board_id`) REFERENCES `boards`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `snapshots_token_hash_unique` ON `snapshots` (`token_hash`);--> statement-breakpoint
CREATE INDEX `snapshots_project_idx` ON `snapshots` (`project_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `projects` ADD `snapshots_enabled` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `saved_filters` ADD `sort` text;--> statement-breakpoint
ALTER TABLE `saved_filters` ADD `columns` text;