CREATE TABLE `sampling_policies` (
	`project_id` integer PRIMARY KEY NOT NULL,
	`rules` text NOT NULL,
	`default_rate` real NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `projects` ADD `retention` text;