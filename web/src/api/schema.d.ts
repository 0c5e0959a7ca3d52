// Generated from the server's OpenAPI document by `npm run api:types`: do not edit.

export interface paths {
    "/api/v1/analytics/cannibalisation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Change in a store’s in-store sales after a service opened, against comparable stores (difference-in-differences)
         * @description Till sales of the store over `weeks` weeks before and after the launch, against the pooled sales of every other store where the service did not open in those weeks (listed). Effect = after − before × comparison growth.
         */
        get: {
            parameters: {
                query: {
                    /** @description csv: the same figures as a CSV table. */
                    format?: "json" | "csv";
                    /** @description Default: the launch recorded for this store and service. */
                    launched_on?: string;
                    /** @description pickup is click & collect. */
                    service?: "pickup" | "reserve" | "ship_from_store" | "delivery";
                    /** @description Store id or code. */
                    store: string;
                    weeks?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            after: {
                                /** Format: date */
                                from: string;
                                sales_cents: number;
                                /** Format: date */
                                to: string;
                            };
                            before: {
                                /** Format: date */
                                from: string;
                                sales_cents: number;
                                /** Format: date */
                                to: string;
                            };
                            comparison: {
                                after_cents: number;
                                before_cents: number;
                                growth: number | null;
                                stores: {
                                    after_cents: number;
                                    before_cents: number;
                                    store: string;
                                    store_id: string;
                                }[];
                            };
                            counterfactual_cents: number | null;
                            effect_cents: number | null;
                            effect_pct: number | null;
                            /** Format: date */
                            launched_on: string;
                            /** @description Untreated stores given the real launch dates: the effects noise alone produces. interval_* is the 95 % interval of the estimate (estimate − the placebo percentiles). */
                            placebo: {
                                /** @description Every assignment of untreated stores to launch dates, else a seeded sample. */
                                exhaustive: boolean;
                                /** @description 97.5th percentile of the placebo effects. */
                                high_pct: number;
                                interval_high_pct: number | null;
                                interval_low_pct: number | null;
                                /** @description 2.5th percentile of the placebo effects. */
                                low_pct: number;
                                /** @description Mean placebo effect: near zero when the method is unbiased. */
                                mean_pct: number;
                                /** @description Share of placebo effects at least as large. */
                                p_value: number | null;
                                /** @description Placebo studies run. */
                                runs: number;
                                /** @description Standard deviation of the placebo effects: the noise of the estimate. */
                                sd_pct: number;
                            } | null;
                            service: string;
                            store: string;
                            store_id: string;
                            weekly: {
                                comparison_cents: number;
                                store_cents: number;
                                week: number;
                            }[];
                            weeks: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/cannibalisation/pooled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Change in in-store sales after a service opened, pooled over every store that opened it, with a placebo interval
         * @description Difference-in-differences over all stores where the service opened, each over `weeks` weeks either side of its own launch date, against the stores where it did not open during the study (listed). Pooled effect = Σ after / Σ (before × comparison growth over that launch’s windows) − 1. The placebo gives untreated stores the real launch dates to show what noise alone produces. Launches less than `weeks` weeks old are listed as excluded.
         */
        get: {
            parameters: {
                query?: {
                    /** @description csv: the same figures as a CSV table. */
                    format?: "json" | "csv";
                    /** @description pickup is click & collect. */
                    service?: "pickup" | "reserve" | "ship_from_store" | "delivery";
                    weeks?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            after_cents: number;
                            before_cents: number;
                            comparison: {
                                store: string;
                                store_id: string;
                            }[];
                            counterfactual_cents: number | null;
                            /** @description p < 0.05 against the placebo effects. */
                            distinguishable: boolean | null;
                            effect_cents: number | null;
                            effect_pct: number | null;
                            excluded: {
                                /** Format: date */
                                launched_on: string;
                                reason: string;
                                store: string;
                                store_id: string;
                            }[];
                            /** Format: date */
                            from: string;
                            /** @description Untreated stores given the real launch dates: the effects noise alone produces. interval_* is the 95 % interval of the estimate (estimate − the placebo percentiles). */
                            placebo: {
                                /** @description Every assignment of untreated stores to launch dates, else a seeded sample. */
                                exhaustive: boolean;
                                /** @description 97.5th percentile of the placebo effects. */
                                high_pct: number;
                                interval_high_pct: number | null;
                                interval_low_pct: number | null;
                                /** @description 2.5th percentile of the placebo effects. */
                                low_pct: number;
                                /** @description Mean placebo effect: near zero when the method is unbiased. */
                                mean_pct: number;
                                /** @description Share of placebo effects at least as large. */
                                p_value: number | null;
                                /** @description Placebo studies run. */
                                runs: number;
                                /** @description Standard deviation of the placebo effects: the noise of the estimate. */
                                sd_pct: number;
                            } | null;
                            service: string;
                            stores: {
                                after_cents: number;
                                before_cents: number;
                                comparison_growth: number | null;
                                counterfactual_cents: number | null;
                                effect_cents: number | null;
                                effect_pct: number | null;
                                /** Format: date */
                                launched_on: string;
                                store: string;
                                store_id: string;
                            }[];
                            /** Format: date */
                            to: string;
                            weeks: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Customers in one, two, three or more channels, their value per year, first channel and later channels
         * @description Identified customers (merged profiles counted once) over whole months from `from` to `to`. Value per year is the window’s spend per customer scaled to 365 days, compared with single-channel customers.
         */
        get: {
            parameters: {
                query?: {
                    /** @description csv: the same figures as a CSV table. */
                    format?: "json" | "csv";
                    /** @description Default: a year before `to`. */
                    from?: string;
                    /** @description Default: today. */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            first_channel: {
                                /** @description Customers whose first order, in the window, was in this channel. */
                                customers: number;
                                first_channel: string;
                                first_channel_id: string;
                                first_order_cents: number;
                                later_sales: {
                                    channel: string;
                                    channel_id: string;
                                    sales_cents: number;
                                }[];
                                other_channel_customers: number;
                                other_channel_share_pct: number;
                            }[];
                            /** Format: date */
                            from: string;
                            multichannel: {
                                /** @description 1, 2, or 3 for three or more. */
                                channels: number;
                                customers: number;
                                sales_cents: number;
                                share_pct: number;
                                value_per_year_cents: number;
                                vs_single_channel: number | null;
                            }[];
                            /** Format: date */
                            to: string;
                            window_days: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/migration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Channel-to-channel flow of spend between two periods, for customers identified in both
         * @description flows_cents[i][k]: spend that left channel i and reappeared in channel k; kept, added (new spend of the same customers) and lost per channel; spend of customers new in the second period or lapsed after the first. Defaults: the last 12 months against the 12 before. Method in docs/analytics.md.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Second period start. */
                    after_from?: string;
                    /** @description Second period end (included). */
                    after_to?: string;
                    /** @description First period start. */
                    before_from?: string;
                    /** @description First period end (included). */
                    before_to?: string;
                    /** @description csv: the same figures as a CSV table. */
                    format?: "json" | "csv";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            added_cents: number[];
                            after: {
                                /** Format: date */
                                from: string;
                                /** Format: date */
                                to: string;
                            };
                            after_cents: number[];
                            before: {
                                /** Format: date */
                                from: string;
                                /** Format: date */
                                to: string;
                            };
                            before_cents: number[];
                            channels: {
                                code: string;
                                id: string;
                            }[];
                            customers_in_both: number;
                            flows_cents: number[][];
                            kept_cents: number[];
                            lapsed_customers: number;
                            lapsed_customers_cents: number;
                            lost_cents: number[];
                            new_customers: number;
                            new_customers_cents: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Bring the analytics aggregates up to date now (or rebuild them whole)
         * @description Every analytics read and the sweeper already do this incrementally; full=true rebuilds from scratch.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        full?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            customers?: number;
                            days?: number;
                            events?: number;
                            full?: boolean;
                            ms?: number;
                            /** @description false: nothing new, or another refresh was running. */
                            refreshed: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/ropo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Share of store purchases preceded by online activity of the same customer (ROPO)
         * @description Till purchases by identified customers, preceded within `window_days` by a web or app cart, a wishlist entry, or an availability check for that store.
         */
        get: {
            parameters: {
                query?: {
                    /** @description csv: the same figures as a CSV table. */
                    format?: "json" | "csv";
                    /** @description Default: 90 days before `to`. */
                    from?: string;
                    /** @description Store id or code. */
                    store?: string;
                    /** @description Default: today. */
                    to?: string;
                    window_days?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            by_kind: {
                                availability_check: number;
                                cart: number;
                                wishlist: number;
                            };
                            /** Format: date */
                            from: string;
                            preceded_online: number;
                            share_pct: number;
                            store: string | null;
                            store_purchases: number;
                            /** Format: date */
                            to: string;
                            window_days: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/sales": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sales per day, week or month and per channel, store and category
         * @description Net sales, orders, units, average basket, returns rate, click & collect share and preparation cost, ship-from-store share, from the pre-aggregates (refreshed from the order events first). Periods are Paris days, weeks from Monday. A store key sees its own store only. `store=none`: deliveries not tied to a store.
         */
        get: {
            parameters: {
                query?: {
                    /** @description channel, store, category, comma-separated. */
                    by?: string;
                    category?: string;
                    /** @description Channel id or code. */
                    channel?: string;
                    /** @description csv: the same figures as a CSV table. */
                    format?: "json" | "csv";
                    /** @description First day (included); defaults to a month, a quarter or a year before `to`. */
                    from?: string;
                    period?: "day" | "week" | "month";
                    /** @description Store id or code. */
                    store?: string;
                    /** @description Last day (included); today by default. */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            by: string[];
                            data: {
                                /** @description Panier moyen: sales / orders. */
                                average_basket_cents: number;
                                category: string | null;
                                channel: string | null;
                                channel_id: string | null;
                                /** @description sales − returns. */
                                net_sales_cents: number;
                                /** @description Orders (with a category: orders holding that category). */
                                orders: number;
                                /** Format: date */
                                period_start: string;
                                /** @description Null when split by category. */
                                pickup_orders: number | null;
                                /** @description Preparation cost of click & collect (routing cost model: per order and per unit). */
                                pickup_prep_cost_cents: number | null;
                                /** @description Click & collect lines. */
                                pickup_sales_cents: number;
                                /** @description Click & collect share of sales. */
                                pickup_share_pct: number;
                                /** @description Refunded for returns received in the period. */
                                returned_cents: number;
                                returns_rate_pct: number;
                                /** @description Sales incl. VAT, cancelled units left out. */
                                sales_cents: number;
                                ship_from_store_cents: number;
                                /** @description Share of delivered sales shipped from a store. */
                                ship_from_store_share_pct: number;
                                store: string | null;
                                /** @description '' for deliveries not tied to a store. */
                                store_id: string | null;
                                units: number;
                            }[];
                            /** Format: date */
                            from: string;
                            period: string;
                            store: string | null;
                            /** Format: date */
                            to: string;
                            totals: {
                                /** @description Panier moyen: sales / orders. */
                                average_basket_cents: number;
                                /** @description sales − returns. */
                                net_sales_cents: number;
                                /** @description Orders (with a category: orders holding that category). */
                                orders: number;
                                /** @description Null when split by category. */
                                pickup_orders: number | null;
                                /** @description Preparation cost of click & collect (routing cost model: per order and per unit). */
                                pickup_prep_cost_cents: number | null;
                                /** @description Click & collect lines. */
                                pickup_sales_cents: number;
                                /** @description Click & collect share of sales. */
                                pickup_share_pct: number;
                                /** @description Refunded for returns received in the period. */
                                returned_cents: number;
                                returns_rate_pct: number;
                                /** @description Sales incl. VAT, cancelled units left out. */
                                sales_cents: number;
                                ship_from_store_cents: number;
                                /** @description Share of delivered sales shipped from a store. */
                                ship_from_store_share_pct: number;
                                units: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/service-launches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Services opened at stores (click & collect launches…) */
        get: {
            parameters: {
                query?: {
                    /** @description pickup is click & collect. */
                    service?: "pickup" | "reserve" | "ship_from_store" | "delivery";
                    /** @description Store id or code. */
                    store?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** Format: date-time */
                                created_at: string;
                                id: string;
                                /** Format: date */
                                launched_on: string;
                                location_id: string;
                                note: string | null;
                                service: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Record that a service opened at a store on a date */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date */
                        launched_on: string;
                        /** @description Store id or code. */
                        location_id: string;
                        note?: string;
                        /** @description pickup is click & collect. */
                        service: "pickup" | "reserve" | "ship_from_store" | "delivery";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            id: string;
                            /** Format: date */
                            launched_on: string;
                            location_id: string;
                            note: string | null;
                            service: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API keys */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor of the previous page. */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                channel_id: string | null;
                                /** Format: date-time */
                                created_at: string;
                                franchisee_id: string | null;
                                id: string;
                                location_id: string | null;
                                manager: boolean;
                                name: string;
                                /** @description First characters of the secret, to recognise it. */
                                prefix: string;
                                /** Format: date-time */
                                revoked_at: string | null;
                                /** @enum {unknown} */
                                role: "admin" | "store_staff" | "channel" | "call_centre" | "franchisee";
                            }[];
                            /** @description Pass as cursor to get the next page; null on the last page. */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Create an API key (the secret is shown once) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Retrying a request with the same key returns the first result and creates nothing twice. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Channel a channel or call_centre key is bound to (id or code; the id is kept). */
                        channel_id?: string;
                        /** @description Franchisee a franchisee key is bound to (id or code; the id is kept). */
                        franchisee_id?: string;
                        /** @description Store a store_staff key is bound to (id or code; the id is kept). */
                        location_id?: string;
                        /** @description A store manager (store_staff only): may override a refused return and issue goodwill credit. */
                        manager?: boolean;
                        name: string;
                        /** @enum {unknown} */
                        role: "admin" | "store_staff" | "channel" | "call_centre" | "franchisee";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channel_id: string | null;
                            /** Format: date-time */
                            created_at: string;
                            franchisee_id: string | null;
                            id: string;
                            location_id: string | null;
                            manager: boolean;
                            name: string;
                            /** @description First characters of the secret, to recognise it. */
                            prefix: string;
                            /** Format: date-time */
                            revoked_at: string | null;
                            /** @enum {unknown} */
                            role: "admin" | "store_staff" | "channel" | "call_centre" | "franchisee";
                        } & {
                            secret: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description API key id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channel_id: string | null;
                            /** Format: date-time */
                            created_at: string;
                            franchisee_id: string | null;
                            id: string;
                            location_id: string | null;
                            manager: boolean;
                            name: string;
                            /** @description First characters of the secret, to recognise it. */
                            prefix: string;
                            /** Format: date-time */
                            revoked_at: string | null;
                            /** @enum {unknown} */
                            role: "admin" | "store_staff" | "channel" | "call_centre" | "franchisee";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What can be sold, and where, for a channel (ATP)
         * @description For each SKU: whether the channel lists it, the quantity available to promise over the locations that serve the channel (available = on hand − reserved − safety stock), the part that can be delivered, how many locations hold it, and the first of them (5 by default, `max_locations` up to 1000, every one with `locations=all`): nearest first from lat/lon, a postcode or a location (`near`) when one is given, else the ones holding the most first.
         */
        get: {
            parameters: {
                query: {
                    /** @description Channel id or code. */
                    channel: string;
                    /** @description With lon: list the nearest locations. */
                    lat?: number;
                    /** @description Only this location (id or code). */
                    location?: string;
                    /** @description `all`: every location holding each SKU, whatever `max_locations` says. */
                    locations?: "nearest" | "all";
                    lon?: number;
                    /** @description Locations listed per SKU (5 unless asked); `location_count` says how many hold it. */
                    max_locations?: number;
                    /** @description A location (id or code), e.g. the shopper’s store: list the locations nearest to it. */
                    near?: string;
                    /** @description A French postcode: list the locations nearest to it. */
                    postcode?: string;
                    /** @description Comma-separated SKUs (at most 200). */
                    skus: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channel: string;
                            items: {
                                available: number;
                                delivery_available: number;
                                known: boolean;
                                listed: boolean;
                                /** @description Locations that can serve the SKU for the channel; `locations` lists the first of them. */
                                location_count: number;
                                locations: {
                                    available: number;
                                    code: string;
                                    distance_km?: number;
                                    kind: string;
                                    location_id: string;
                                    modes: string[];
                                    name: string;
                                }[];
                                sku: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the sales channels of the brand */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor of the previous page. */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                code: string;
                                /** @description The channel takes the customer’s money itself and owes it to the brand (a marketplace): its refunds go back through it, owed on its settlement (GET /channels/{ref}/settlement), never from a till. True by default for partner channels. */
                                collects_payment: boolean;
                                /** Format: date-time */
                                created_at: string;
                                currency: string;
                                draft_hold_minutes: number;
                                fulfilment_modes: string[];
                                id: string;
                                /** @enum {unknown} */
                                kind: "store" | "web" | "mobile" | "call_centre" | "catalogue" | "partner";
                                name: string;
                                pickup_expiry_days: number;
                                price_list: {
                                    code: string;
                                    id: string;
                                };
                                routing: {
                                    atCapacityPenaltyCents?: number;
                                    /** @description Units a store keeps for walk-in shoppers. */
                                    keepForStoreUnits?: number;
                                    /** @description Cost per km from location to customer. */
                                    perKmCents?: number;
                                    /** @description Handling one parcel, per location kind. */
                                    prepParcelCents?: {
                                        dark_store?: number;
                                        store?: number;
                                        warehouse?: number;
                                    };
                                    /** @description Picking one unit, per location kind. */
                                    prepUnitCents?: {
                                        dark_store?: number;
                                        store?: number;
                                        warehouse?: number;
                                    };
                                    /** @description Whether this channel's parcels may leave stores. */
                                    shipFromStore?: boolean;
                                    /** @description Carrier cost of one parcel. */
                                    shipmentCents?: number;
                                    /** @description Added per extra parcel. */
                                    splitPenaltyCents?: number;
                                    /** @description Added in proportion to a store's open tasks over its capacity. */
                                    workloadPenaltyCents?: number;
                                } | null;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                            /** @description Pass as cursor to get the next page; null on the last page. */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Open a sales channel (magasin, web, mobile, service client, catalogue, partenaire)
         * @description Each channel sells from its own price list: `price_list_code` (the channel code by default) is used when it exists and created otherwise, in the channel currency.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Retrying a request with the same key returns the first result and creates nothing twice. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Unique, URL-safe, e.g. WEB. */
                        code: string;
                        /** @description The channel takes the customer’s money itself and owes it to the brand (a marketplace): its refunds go back through it, owed on its settlement (GET /channels/{ref}/settlement), never from a till. True by default for partner channels. */
                        collects_payment?: boolean;
                        /** @description ISO 4217, EUR by default. */
                        currency?: string;
                        /** @description Minutes a draft order (web checkout, call centre) holds its stock before it expires. */
                        draft_hold_minutes?: number;
                        /** @description takeaway (emporté, at the till; store channels only), delivery (livraison), pickup (retrait en magasin, click & collect), reserve (réservation en magasin, paid in store). */
                        fulfilment_modes: ("takeaway" | "delivery" | "pickup" | "reserve")[];
                        /** @enum {unknown} */
                        kind: "store" | "web" | "mobile" | "call_centre" | "catalogue" | "partner";
                        name: string;
                        /** @description Days an order waits in store, ready to collect, before it is cancelled and refunded (7 by default). */
                        pickup_expiry_days?: number;
                        price_list_code?: string;
                        routing?: {
                            atCapacityPenaltyCents?: number;
                            /** @description Units a store keeps for walk-in shoppers. */
                            keepForStoreUnits?: number;
                            /** @description Cost per km from location to customer. */
                            perKmCents?: number;
                            /** @description Handling one parcel, per location kind. */
                            prepParcelCents?: {
                                dark_store?: number;
                                store?: number;
                                warehouse?: number;
                            };
                            /** @description Picking one unit, per location kind. */
                            prepUnitCents?: {
                                dark_store?: number;
                                store?: number;
                                warehouse?: number;
                            };
                            /** @description Whether this channel's parcels may leave stores. */
                            shipFromStore?: boolean;
                            /** @description Carrier cost of one parcel. */
                            shipmentCents?: number;
                            /** @description Added per extra parcel. */
                            splitPenaltyCents?: number;
                            /** @description Added in proportion to a store's open tasks over its capacity. */
                            workloadPenaltyCents?: number;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            /** @description The channel takes the customer’s money itself and owes it to the brand (a marketplace): its refunds go back through it, owed on its settlement (GET /channels/{ref}/settlement), never from a till. True by default for partner channels. */
                            collects_payment: boolean;
                            /** Format: date-time */
                            created_at: string;
                            currency: string;
                            draft_hold_minutes: number;
                            fulfilment_modes: string[];
                            id: string;
                            /** @enum {unknown} */
                            kind: "store" | "web" | "mobile" | "call_centre" | "catalogue" | "partner";
                            name: string;
                            pickup_expiry_days: number;
                            price_list: {
                                code: string;
                                id: string;
                            };
                            routing: {
                                atCapacityPenaltyCents?: number;
                                /** @description Units a store keeps for walk-in shoppers. */
                                keepForStoreUnits?: number;
                                /** @description Cost per km from location to customer. */
                                perKmCents?: number;
                                /** @description Handling one parcel, per location kind. */
                                prepParcelCents?: {
                                    dark_store?: number;
                                    store?: number;
                                    warehouse?: number;
                                };
                                /** @description Picking one unit, per location kind. */
                                prepUnitCents?: {
                                    dark_store?: number;
                                    store?: number;
                                    warehouse?: number;
                                };
                                /** @description Whether this channel's parcels may leave stores. */
                                shipFromStore?: boolean;
                                /** @description Carrier cost of one parcel. */
                                shipmentCents?: number;
                                /** @description Added per extra parcel. */
                                splitPenaltyCents?: number;
                                /** @description Added in proportion to a store's open tasks over its capacity. */
                                workloadPenaltyCents?: number;
                            } | null;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/{ref}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A channel, by id or code */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Channel id or code. */
                    ref: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            /** @description The channel takes the customer’s money itself and owes it to the brand (a marketplace): its refunds go back through it, owed on its settlement (GET /channels/{ref}/settlement), never from a till. True by default for partner channels. */
                            collects_payment: boolean;
                            /** Format: date-time */
                            created_at: string;
                            currency: string;
                            draft_hold_minutes: number;
                            fulfilment_modes: string[];
                            id: string;
                            /** @enum {unknown} */
                            kind: "store" | "web" | "mobile" | "call_centre" | "catalogue" | "partner";
                            name: string;
                            pickup_expiry_days: number;
                            price_list: {
                                code: string;
                                id: string;
                            };
                            routing: {
                                atCapacityPenaltyCents?: number;
                                /** @description Units a store keeps for walk-in shoppers. */
                                keepForStoreUnits?: number;
                                /** @description Cost per km from location to customer. */
                                perKmCents?: number;
                                /** @description Handling one parcel, per location kind. */
                                prepParcelCents?: {
                                    dark_store?: number;
                                    store?: number;
                                    warehouse?: number;
                                };
                                /** @description Picking one unit, per location kind. */
                                prepUnitCents?: {
                                    dark_store?: number;
                                    store?: number;
                                    warehouse?: number;
                                };
                                /** @description Whether this channel's parcels may leave stores. */
                                shipFromStore?: boolean;
                                /** @description Carrier cost of one parcel. */
                                shipmentCents?: number;
                                /** @description Added per extra parcel. */
                                splitPenaltyCents?: number;
                                /** @description Added in proportion to a store's open tasks over its capacity. */
                                workloadPenaltyCents?: number;
                            } | null;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename a channel, change its fulfilment modes, how long its drafts hold stock, or who collects payment */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Channel id or code. */
                    ref: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The channel takes the customer’s money itself and owes it to the brand (a marketplace): its refunds go back through it, owed on its settlement (GET /channels/{ref}/settlement), never from a till. True by default for partner channels. */
                        collects_payment?: boolean;
                        /** @description Minutes a draft order (web checkout, call centre) holds its stock before it expires. */
                        draft_hold_minutes?: number;
                        /** @description takeaway (emporté, at the till; store channels only), delivery (livraison), pickup (retrait en magasin, click & collect), reserve (réservation en magasin, paid in store). */
                        fulfilment_modes?: ("takeaway" | "delivery" | "pickup" | "reserve")[];
                        name?: string;
                        /** @description Days an order waits in store, ready to collect, before it is cancelled and refunded (7 by default). */
                        pickup_expiry_days?: number;
                        routing?: {
                            atCapacityPenaltyCents?: number;
                            /** @description Units a store keeps for walk-in shoppers. */
                            keepForStoreUnits?: number;
                            /** @description Cost per km from location to customer. */
                            perKmCents?: number;
                            /** @description Handling one parcel, per location kind. */
                            prepParcelCents?: {
                                dark_store?: number;
                                store?: number;
                                warehouse?: number;
                            };
                            /** @description Picking one unit, per location kind. */
                            prepUnitCents?: {
                                dark_store?: number;
                                store?: number;
                                warehouse?: number;
                            };
                            /** @description Whether this channel's parcels may leave stores. */
                            shipFromStore?: boolean;
                            /** @description Carrier cost of one parcel. */
                            shipmentCents?: number;
                            /** @description Added per extra parcel. */
                            splitPenaltyCents?: number;
                            /** @description Added in proportion to a store's open tasks over its capacity. */
                            workloadPenaltyCents?: number;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            /** @description The channel takes the customer’s money itself and owes it to the brand (a marketplace): its refunds go back through it, owed on its settlement (GET /channels/{ref}/settlement), never from a till. True by default for partner channels. */
                            collects_payment: boolean;
                            /** Format: date-time */
                            created_at: string;
                            currency: string;
                            draft_hold_minutes: number;
                            fulfilment_modes: string[];
                            id: string;
                            /** @enum {unknown} */
                            kind: "store" | "web" | "mobile" | "call_centre" | "catalogue" | "partner";
                            name: string;
                            pickup_expiry_days: number;
                            price_list: {
                                code: string;
                                id: string;
                            };
                            routing: {
                                atCapacityPenaltyCents?: number;
                                /** @description Units a store keeps for walk-in shoppers. */
                                keepForStoreUnits?: number;
                                /** @description Cost per km from location to customer. */
                                perKmCents?: number;
                                /** @description Handling one parcel, per location kind. */
                                prepParcelCents?: {
                                    dark_store?: number;
                                    store?: number;
                                    warehouse?: number;
                                };
                                /** @description Picking one unit, per location kind. */
                                prepUnitCents?: {
                                    dark_store?: number;
                                    store?: number;
                                    warehouse?: number;
                                };
                                /** @description Whether this channel's parcels may leave stores. */
                                shipFromStore?: boolean;
                                /** @description Carrier cost of one parcel. */
                                shipmentCents?: number;
                                /** @description Added per extra parcel. */
                                splitPenaltyCents?: number;
                                /** @description Added in proportion to a store's open tasks over its capacity. */
                                workloadPenaltyCents?: number;
                            } | null;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/channels/{ref}/assortment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The products a channel sells
         * @description A channel key reads the assortment of its own channel only.
         */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor of the previous page. */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description Channel id or code. */
                    ref: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                product_code: string;
                                product_id: string;
                            }[];
                            /** @description Pass as cursor to get the next page; null on the last page. */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        /**
         * List products in a channel or delist them (assortiment, distribution sélective)
         * @description Products are named by id or code. All or nothing: an unknown product answers 422 `unknown_product` naming it (e.g. `add/3`) and changes nothing.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Channel id or code. */
                    ref: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        add?: string[];
                        remove?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channel_id: string;
                            listed_count: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/{ref}/settlement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What a partner that collects payment owes the brand for a month, and the refunds it gave back
         * @description For a channel that takes the customers’ money (a marketplace, `collects_payment`): the money it collected on the brand’s orders that month (Europe/Paris), less the refunds it gave back for the brand (refund method `partner`, e.g. a marketplace order returned in a store). Head office, or the partner’s own channel key.
         */
        get: {
            parameters: {
                query: {
                    /** @description next_cursor of the previous page. */
                    cursor?: string;
                    limit?: number;
                    /** @description The month, YYYY-MM (Europe/Paris). */
                    month: string;
                };
                header?: never;
                path: {
                    /** @description Channel id or code. */
                    ref: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channel: {
                                code: string;
                                id: string;
                                name: string;
                            };
                            /** @description Card and cash the channel took from customers that month. */
                            collected_cents: number;
                            collects_payment: boolean;
                            /** @description collected − refunded: what the partner owes the brand. */
                            due_from_partner_cents: number;
                            month: string;
                            /** @description Pass as cursor for the next page of refunds; null on the last page. */
                            next_cursor: string | null;
                            /** @description Refunds the channel gave back for the brand that month: deducted from what it owes. */
                            refunded_through_partner_cents: number;
                            /** @description The refunds given back through the partner, oldest first, a page at a time. */
                            refunds: {
                                amount_cents: number;
                                /** Format: date-time */
                                at: string;
                                order_id: string;
                                order_number: string;
                                payment_id: string;
                                return_id: string | null;
                                return_number: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find customers by identifier or by name, newest first
         * @description email, phone and card are exact look-ups of the value as typed, normalised like at creation (06 12 34 56 78 finds +33612345678). q finds a part of a name or an e-mail, any case, accents ignored. Given together, filters must all match. A channel key finds its logged-in customer (X-Customer-Login) and nobody else.
         */
        get: {
            parameters: {
                query?: {
                    /** @description 8 to 19 digits; spaces and dashes ignored. */
                    card?: string;
                    /** @description next_cursor of the previous page. */
                    cursor?: string;
                    /** @description Any case; stored lower-cased. */
                    email?: string;
                    limit?: number;
                    /** @description As typed: 06 12 34 56 78, +33 6 12 34 56 78, 0033… (France by default) or +<country code>…. */
                    phone?: string;
                    /** @description Part of a name or an e-mail. */
                    q?: string;
                };
                header?: {
                    /** @description Channel keys: the login of the customer logged in on the channel (linked with POST /customers/{id}/channel-accounts). A channel key sees that customer only. */
                    "x-customer-login"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                address_line: string;
                                city: string;
                                /** @description ISO 3166-1 alpha-2. */
                                country: string;
                                /** Format: date-time */
                                created_at: string;
                                /** @description Lower-cased; unique across channels. */
                                email: string | null;
                                first_name: string;
                                id: string;
                                last_name: string;
                                /** @description Digits only; unique across channels. */
                                loyalty_card: string | null;
                                /** @description E.164, e.g. +33612345678; unique across channels. */
                                phone: string | null;
                                postcode: string;
                                /** @description Channel where the customer was first created. */
                                source_channel_id: string | null;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                            /** @description Pass as cursor to get the next page; null on the last page. */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a customer, known by e-mail, phone or loyalty card
         * @description At least one identifier is required. Each is normalised (e-mail lower-cased, phone in E.164, card digits only) and unique across channels: an identifier another customer holds answers 409 `identity_taken` with `details.customer_id`, so the till or agent can attach to that customer.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Retrying a request with the same key returns the first result and creates nothing twice. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        address_line?: string;
                        city?: string;
                        /** @description ISO 3166-1 alpha-2 in capitals, FR by default. */
                        country?: string;
                        /** @description Any case; stored lower-cased. */
                        email?: string;
                        first_name?: string;
                        last_name?: string;
                        /** @description 8 to 19 digits; spaces and dashes ignored. */
                        loyalty_card?: string;
                        /** @description As typed: 06 12 34 56 78, +33 6 12 34 56 78, 0033… (France by default) or +<country code>…. */
                        phone?: string;
                        postcode?: string;
                        /** @description Channel the customer comes from (id or code); defaults to the channel of the key (for a store key, the store channel). */
                        source_channel_id?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            address_line: string;
                            city: string;
                            /** @description ISO 3166-1 alpha-2. */
                            country: string;
                            /** Format: date-time */
                            created_at: string;
                            /** @description Lower-cased; unique across channels. */
                            email: string | null;
                            first_name: string;
                            id: string;
                            last_name: string;
                            /** @description Digits only; unique across channels. */
                            loyalty_card: string | null;
                            /** @description E.164, e.g. +33612345678; unique across channels. */
                            phone: string | null;
                            postcode: string;
                            /** @description Channel where the customer was first created. */
                            source_channel_id: string | null;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a customer (a channel key: its logged-in customer only)
         * @description A channel key sends X-Customer-Login and reads the customer logged in under it; any other id answers 404, whether that customer exists or not.
         */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Channel keys: the login of the customer logged in on the channel (linked with POST /customers/{id}/channel-accounts). A channel key sees that customer only. */
                    "x-customer-login"?: string;
                };
                path: {
                    /** @description Customer id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            address_line: string;
                            city: string;
                            /** @description ISO 3166-1 alpha-2. */
                            country: string;
                            /** Format: date-time */
                            created_at: string;
                            /** @description Lower-cased; unique across channels. */
                            email: string | null;
                            first_name: string;
                            id: string;
                            last_name: string;
                            /** @description Digits only; unique across channels. */
                            loyalty_card: string | null;
                            /** @description E.164, e.g. +33612345678; unique across channels. */
                            phone: string | null;
                            postcode: string;
                            /** @description Channel where the customer was first created. */
                            source_channel_id: string | null;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a customer’s identifiers, name or address
         * @description Fields left out are kept. An identifier set to null (or to "", as a cleared form field sends) is removed, as long as one remains. Same validation and 409 `identity_taken` as at creation.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Customer id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        address_line?: string;
                        city?: string;
                        /** @description ISO 3166-1 alpha-2 in capitals, FR by default. */
                        country?: string;
                        /** @description Any case; stored lower-cased. */
                        email?: string | null;
                        first_name?: string;
                        last_name?: string;
                        /** @description 8 to 19 digits; spaces and dashes ignored. */
                        loyalty_card?: string | null;
                        /** @description As typed: 06 12 34 56 78, +33 6 12 34 56 78, 0033… (France by default) or +<country code>…. */
                        phone?: string | null;
                        postcode?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            address_line: string;
                            city: string;
                            /** @description ISO 3166-1 alpha-2. */
                            country: string;
                            /** Format: date-time */
                            created_at: string;
                            /** @description Lower-cased; unique across channels. */
                            email: string | null;
                            first_name: string;
                            id: string;
                            last_name: string;
                            /** @description Digits only; unique across channels. */
                            loyalty_card: string | null;
                            /** @description E.164, e.g. +33612345678; unique across channels. */
                            phone: string | null;
                            postcode: string;
                            /** @description Channel where the customer was first created. */
                            source_channel_id: string | null;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/customers/{id}/360": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The whole relationship: profile, purchases per channel, latest orders, tickets and returns, notes */
        get: {
            parameters: {
                query?: {
                    orders?: number;
                };
                header?: never;
                path: {
                    /** @description Customer id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channels: {
                                channel_code: string;
                                /** Format: date-time */
                                last_order_at: string;
                                orders: number;
                                /** @description Net of refunds; cancelled and expired orders left out. */
                                spent_cents: number;
                            }[];
                            customer: {
                                address_line: string;
                                city: string;
                                /** @description ISO 3166-1 alpha-2. */
                                country: string;
                                /** Format: date-time */
                                created_at: string;
                                /** @description Lower-cased; unique across channels. */
                                email: string | null;
                                first_name: string;
                                id: string;
                                last_name: string;
                                /** @description Digits only; unique across channels. */
                                loyalty_card: string | null;
                                /** @description E.164, e.g. +33612345678; unique across channels. */
                                phone: string | null;
                                postcode: string;
                                /** @description Channel where the customer was first created. */
                                source_channel_id: string | null;
                                /** Format: date-time */
                                updated_at: string;
                            };
                            loyalty: {
                                /** @description Points. */
                                balance: number;
                                /** @description Loyalty tier from the points earned over the rolling window. */
                                tier: {
                                    code: string;
                                    name: string;
                                } | null;
                                /** @description What they pay as a tender. */
                                worth_cents: number;
                            };
                            merged_profiles: {
                                id: string;
                                /** Format: date-time */
                                merged_at: string;
                            }[];
                            /** @description The latest 50 messages sent to the customer (e-mail, SMS), whatever became of them: queued, sent, bounced, failed or cancelled. */
                            messages: {
                                attempts: number;
                                /** @enum {unknown} */
                                channel: "email" | "sms";
                                /** Format: date-time */
                                created_at: string;
                                event_id: string;
                                id: string;
                                language: string;
                                last_error: string | null;
                                /** Format: date-time */
                                sent_at: string | null;
                                /** @enum {unknown} */
                                status: "queued" | "sent" | "failed" | "bounced" | "cancelled";
                                subject: string;
                                /** @description The order, return or ticket. */
                                subject_ref: string | null;
                                template: string;
                            }[];
                            notes: {
                                /** @description The API key that wrote it. */
                                actor: string | null;
                                body: string;
                                /** Format: date-time */
                                created_at: string;
                                id: number;
                            }[];
                            orders: {
                                channel_code: string;
                                /** Format: date-time */
                                created_at: string;
                                id: string;
                                number: string;
                                status: string;
                                store_id: string | null;
                                total_cents: number;
                            }[];
                            /** @description Shopper kinds derived from behaviour (rules in the README), with the evidence. */
                            profile: {
                                home_store: {
                                    evidence: string;
                                    /** @enum {unknown} */
                                    rule: "most_visited" | "nearest";
                                    store_id: string;
                                } | null;
                                labels: {
                                    evidence: string;
                                    /** @enum {unknown} */
                                    kind: "mobile_shopper" | "impulse_buyer" | "assisted_buyer" | "local_buyer" | "comparison_shopper";
                                }[];
                                preferred_channels: {
                                    channel_code: string;
                                    orders: number;
                                    share: number;
                                }[];
                            };
                            /** @description The latest 50 returns, from every channel. */
                            returns: {
                                /** Format: date-time */
                                created_at: string;
                                id: string;
                                method: string;
                                number: string;
                                order_id: string;
                                refund_cents: number;
                                status: string;
                            }[];
                            /** @description The latest 50 after-sales tickets, from every channel. */
                            tickets: {
                                /** Format: date-time */
                                created_at: string;
                                id: string;
                                kind: string;
                                number: string;
                                order_id: string;
                                status: string;
                                subject: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a customer’s online activity: wishlist, availability check for a store, cart
         * @description What ROPO looks for before a store purchase. Sent by the web shop and the app with their channel key.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Customer id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        kind: "wishlist" | "availability_check" | "cart";
                        /** @description The store checked (id or code). */
                        location_id?: string;
                        /**
                         * Format: date-time
                         * @description Now by default.
                         */
                        occurred_at?: string;
                        sku?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channel_id: string | null;
                            customer_id: string;
                            id: string;
                            kind: string;
                            location_id: string | null;
                            /** Format: date-time */
                            occurred_at: string;
                            sku: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/channel-accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The customer’s logins in the channels’ shops (a channel key: its own channel’s) */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Channel keys: the login of the customer logged in on the channel (linked with POST /customers/{id}/channel-accounts). A channel key sees that customer only. */
                    "x-customer-login"?: string;
                };
                path: {
                    /** @description Customer id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                channel_id: string;
                                /** Format: date-time */
                                created_at: string;
                                customer_id: string;
                                login: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Link a channel’s login (a web shop account) to the customer
         * @description One login of a channel names one customer: a login linked to another customer answers 409 `login_taken` (details.field `login`). Linking it again to the same customer answers 200 and changes nothing. A channel key links logins of its own channel, to a customer who signed up through it (or is logged in on it); a profile from another channel is linked by staff, who check who is asking.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Channel keys: the login of the customer logged in on the channel (linked with POST /customers/{id}/channel-accounts). A channel key sees that customer only. */
                    "x-customer-login"?: string;
                };
                path: {
                    /** @description Customer id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Channel of the login (id or code); a channel key’s own by default. */
                        channel_id?: string;
                        /** @description As the channel knows it, exact. */
                        login: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channel_id: string;
                            /** Format: date-time */
                            created_at: string;
                            customer_id: string;
                            login: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channel_id: string;
                            /** Format: date-time */
                            created_at: string;
                            customer_id: string;
                            login: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/channel-accounts/{channel_id}/{login}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unlink a login from the customer (a channel key: its own channel’s) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Channel id or code */
                    channel_id: string;
                    /** @description Customer id */
                    id: string;
                    /** @description URL-encoded. */
                    login: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Consents in force, per purpose and medium, with where and when they were given */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Customer id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Channel where the customer said it. */
                                channel_id: string | null;
                                /** Format: date-time */
                                created_at: string;
                                granted: boolean;
                                /** @enum {unknown} */
                                medium: "email" | "sms" | "post" | "phone";
                                /** @enum {unknown} */
                                purpose: "marketing" | "loyalty" | "partners" | "satisfaction_surveys";
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Record what the customer agreed to or refused (any channel); history is kept
         * @description A channel key records them for the customer logged in on it (X-Customer-Login) only.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Channel keys: the login of the customer logged in on the channel (linked with POST /customers/{id}/channel-accounts). A channel key sees that customer only. */
                    "x-customer-login"?: string;
                };
                path: {
                    /** @description Customer id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        consents: {
                            granted: boolean;
                            /** @enum {unknown} */
                            medium: "email" | "sms" | "post" | "phone";
                            /** @enum {unknown} */
                            purpose: "marketing" | "loyalty" | "partners" | "satisfaction_surveys";
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Channel where the customer said it. */
                                channel_id: string | null;
                                /** Format: date-time */
                                created_at: string;
                                granted: boolean;
                                /** @enum {unknown} */
                                medium: "email" | "sms" | "post" | "phone";
                                /** @enum {unknown} */
                                purpose: "marketing" | "loyalty" | "partners" | "satisfaction_surveys";
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/erase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Erase the personal data (GDPR erasure): a pseudonym remains, orders and accounts stay whole */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Customer id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            erased_at: string;
                            id: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything held about the customer, as JSON (GDPR access); recorded */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Customer id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Logins in the channels’ own shops. */
                            channel_accounts: unknown[];
                            /** @description Every consent statement, oldest first. */
                            consents: unknown[];
                            customer: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            exported_at: string;
                            merges: unknown[];
                            notes: unknown[];
                            orders: unknown[];
                            requests: unknown[];
                            /** @description Returns with their lines. */
                            returns: unknown[];
                            /** @description Gift cards, store credit and vouchers held by the customer. */
                            stored_value_accounts: unknown[];
                            /** @description After-sales tickets with their messages. */
                            tickets: unknown[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/loyalty": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Points balance, tier, and the ledger behind them (newest first)
         * @description Each earn entry explains its points (base rate, channel, category and campaign rules, tier). A channel key reads the statement of the customer logged in on it (X-Customer-Login) only.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: {
                    /** @description Channel keys: the login of the customer logged in on the channel (linked with POST /customers/{id}/channel-accounts). A channel key sees that customer only. */
                    "x-customer-login"?: string;
                };
                path: {
                    /** @description Customer id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Points, never below zero. */
                            balance: number;
                            customer_id: string;
                            entries: {
                                /** Format: date-time */
                                created_at: string;
                                /** @description An earn: each rule and the points it gave. A reward: the voucher issued. */
                                detail: {
                                    [key: string]: unknown;
                                } | null;
                                id: number;
                                /** @enum {unknown} */
                                kind: "earn" | "burn" | "reversal" | "adjustment" | "expire";
                                order_id: string | null;
                                /** @description Signed: earned and given back positive, spent and expired negative. */
                                points: number;
                                reason: string | null;
                            }[];
                            next_tier: {
                                code: string;
                                /** @description Applied to the base points of every order: 150 = ×1.5. */
                                multiplier_percent: number;
                                name: string;
                                /** @description Still to earn. */
                                points_needed: number;
                                /** @description Points earned over the rolling window to reach it. */
                                threshold_points: number;
                            } | null;
                            /** @description Points earned over the rolling window (less what returns took back): what sets the tier. */
                            qualifying_points: number;
                            tier: {
                                code: string;
                                /** @description Applied to the base points of every order: 150 = ×1.5. */
                                multiplier_percent: number;
                                name: string;
                                /** @description Points earned over the rolling window to reach it. */
                                threshold_points: number;
                            } | null;
                            window_months: number;
                            /** @description What the balance pays as a tender, in any channel. */
                            worth_cents: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/loyalty/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add or remove points by hand, with the reason (never below zero) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Customer id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        points: number;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Points, never below zero. */
                            balance: number;
                            customer_id: string;
                            entries: {
                                /** Format: date-time */
                                created_at: string;
                                /** @description An earn: each rule and the points it gave. A reward: the voucher issued. */
                                detail: {
                                    [key: string]: unknown;
                                } | null;
                                id: number;
                                /** @enum {unknown} */
                                kind: "earn" | "burn" | "reversal" | "adjustment" | "expire";
                                order_id: string | null;
                                /** @description Signed: earned and given back positive, spent and expired negative. */
                                points: number;
                                reason: string | null;
                            }[];
                            next_tier: {
                                code: string;
                                /** @description Applied to the base points of every order: 150 = ×1.5. */
                                multiplier_percent: number;
                                name: string;
                                /** @description Still to earn. */
                                points_needed: number;
                                /** @description Points earned over the rolling window to reach it. */
                                threshold_points: number;
                            } | null;
                            /** @description Points earned over the rolling window (less what returns took back): what sets the tier. */
                            qualifying_points: number;
                            tier: {
                                code: string;
                                /** @description Applied to the base points of every order: 150 = ×1.5. */
                                multiplier_percent: number;
                                name: string;
                                /** @description Points earned over the rolling window to reach it. */
                                threshold_points: number;
                            } | null;
                            window_months: number;
                            /** @description What the balance pays as a tender, in any channel. */
                            worth_cents: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/loyalty/redemptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange points for a reward: the points are taken and a voucher issued, together
         * @description In any channel: staff for the customer, a channel key for the customer logged in on it (X-Customer-Login). Not enough points: 409 `insufficient_points`, nothing written; of two redemptions of the same points, one succeeds. Retries with the same Idempotency-Key issue one voucher.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Retrying a request with the same key returns the first result and creates nothing twice. */
                    "idempotency-key"?: string;
                    /** @description Channel keys: the login of the customer logged in on the channel (linked with POST /customers/{id}/channel-accounts). A channel key sees that customer only. */
                    "x-customer-login"?: string;
                };
                path: {
                    /** @description Customer id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The reward */
                        reward_id: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Points left. */
                            balance: number;
                            points_spent: number;
                            reward: {
                                id: string;
                                name: string;
                            };
                            /** @description A stored-value account of kind voucher, spent as the `voucher` tender in any channel. */
                            voucher: {
                                balance_cents: number;
                                /** @description What the customer types or shows to pay with it (`voucher` tender). */
                                code: string;
                                /** Format: date-time */
                                expires_at: string | null;
                                id: string;
                                kind: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Merge another profile into this one: its orders, tickets, notes and identities move here
         * @description Atomic. The absorbed profile is kept in the merge record and its id keeps resolving to this one. Merging a profile twice, or into itself, is refused.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Customer id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The profile to merge into this one */
                        absorbed_id: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            address_line: string;
                            city: string;
                            /** @description ISO 3166-1 alpha-2. */
                            country: string;
                            /** Format: date-time */
                            created_at: string;
                            /** @description Lower-cased; unique across channels. */
                            email: string | null;
                            first_name: string;
                            id: string;
                            last_name: string;
                            /** @description Digits only; unique across channels. */
                            loyalty_card: string | null;
                            /** @description E.164, e.g. +33612345678; unique across channels. */
                            phone: string | null;
                            postcode: string;
                            /** @description Channel where the customer was first created. */
                            source_channel_id: string | null;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Write a note about the customer (call centre, store) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Customer id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The API key that wrote it. */
                            actor: string | null;
                            body: string;
                            /** Format: date-time */
                            created_at: string;
                            customer_id: string;
                            id: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/notification-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How the customer hears about their orders: language, e-mail, SMS, e-receipts
         * @description A channel key reads them for the customer logged in on it (X-Customer-Login) only.
         */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Channel keys: the login of the customer logged in on the channel (linked with POST /customers/{id}/channel-accounts). A channel key sees that customer only. */
                    "x-customer-login"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            customer_id: string;
                            /** @description A sale carried away at a till is confirmed by e-mail too. */
                            e_receipt: boolean;
                            /** @description Messages about their orders, returns and tickets by e-mail. */
                            email: boolean;
                            /** @description Null: the language of the customer's country (French in FR, BE, CH, LU, MC; English elsewhere). */
                            language: ("fr" | "en") | (never | null);
                            /** @description The same by SMS (to the phone on the profile). */
                            sms: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        /**
         * Change how the customer hears about their orders (fields left out are kept)
         * @description Transactional messages only; marketing follows the consents (POST /customers/{id}/consents). A channel key changes them for the customer logged in on it (X-Customer-Login) only.
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Channel keys: the login of the customer logged in on the channel (linked with POST /customers/{id}/channel-accounts). A channel key sees that customer only. */
                    "x-customer-login"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        e_receipt?: boolean;
                        email?: boolean;
                        language?: ("fr" | "en") | (never | null);
                        sms?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            customer_id: string;
                            /** @description A sale carried away at a till is confirmed by e-mail too. */
                            e_receipt: boolean;
                            /** @description Messages about their orders, returns and tickets by e-mail. */
                            email: boolean;
                            /** @description Null: the language of the customer's country (French in FR, BE, CH, LU, MC; English elsewhere). */
                            language: ("fr" | "en") | (never | null);
                            /** @description The same by SMS (to the phone on the profile). */
                            sms: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The customer’s orders, newest first (a channel key: its logged-in customer’s, on its channel)
         * @description What each key sees of them, as for GET /orders: a store its own, a channel key its channel’s (and only for the customer logged in on it, X-Customer-Login), head office and the call centre all.
         */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor of the previous page. */
                    cursor?: string;
                    limit?: number;
                };
                header?: {
                    /** @description Channel keys: the login of the customer logged in on the channel (linked with POST /customers/{id}/channel-accounts). A channel key sees that customer only. */
                    "x-customer-login"?: string;
                };
                path: {
                    /** @description Customer id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                channel_code: string;
                                /** Format: date-time */
                                created_at: string;
                                id: string;
                                lines: {
                                    fulfilment: string;
                                    product_name: string;
                                    quantity: number;
                                    sku: string;
                                    total_cents: number;
                                }[];
                                number: string;
                                paid_cents: number;
                                refunded_cents: number;
                                status: string;
                                store_id: string | null;
                                total_cents: number;
                            }[];
                            /** @description Pass as cursor to get the next page; null on the last page. */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Profiles that are likely one person, with a score and the evidence
         * @description Compares profiles of the same last name and postcode (accents and case aside): first names within a typo, the same street address, one profile with only a phone and the other with only an e-mail.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    min_score?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Profiles looked at. */
                            compared: number;
                            data: {
                                customers: {
                                    email: string | null;
                                    id: string;
                                    name: string;
                                    phone: string | null;
                                    postcode: string;
                                }[];
                                evidence: string[];
                                score: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The event feed: published events after a cursor, in commit order
         * @description Poll with `after` = the previous `next_cursor`: no event is ever skipped nor reordered (positions are assigned in commit order, gap-free); an event may come again after a crash of the reader, with its id. Events are kept PASSERELLE_EVENT_RETENTION_DAYS days (30 by default); a cursor older than that answers 410 cursor_expired. Types and payloads: /asyncapi.json.
         */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor of the previous page; absent or 0: from the oldest event kept. */
                    after?: string;
                    limit?: number;
                    /** @description Comma-separated event types or families (order.placed,stock.*); absent: all. */
                    types?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                actor: {
                                    id: string | null;
                                    /** @enum {unknown} */
                                    kind: "api_key" | "job" | "system";
                                };
                                aggregate: {
                                    id: string;
                                    type: string;
                                };
                                /** @description The payload of this type and version. */
                                data: {
                                    [key: string]: unknown;
                                };
                                /** @description evt_ + ULID; the same in every delivery: deduplicate on it. */
                                id: string;
                                /** Format: date-time */
                                occurred_at: string;
                                /** @description Place in the published sequence (commit order, gap-free). */
                                position: number;
                                /** @description e.g. order.placed; every type and its payload: /asyncapi.json. */
                                type: string;
                                /** @description Version of the payload schema. */
                                version: number;
                            }[];
                            /** @description More events are waiting: read again at once. */
                            has_more: boolean;
                            /** @description Pass as `after` to read on; the same cursor when nothing new was published yet. */
                            next_cursor: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The event catalogue: every type a subscription or the feed may name, by family
         * @description The payload of each type and version: /asyncapi.json.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description What its aggregate id names; its events arrive in order. */
                                aggregate: string;
                                /**
                                 * @description What `<family>.*` subscribes to: order.
                                 * @enum {unknown}
                                 */
                                family: "order" | "payment" | "return" | "stock" | "price" | "promotion" | "customer" | "pickup" | "ticket" | "franchise";
                                summary: string;
                                /**
                                 * @description What a subscription or the feed names: order.placed.
                                 * @enum {unknown}
                                 */
                                type: "order.placed" | "order.confirmed" | "order.cancelled" | "order.line_cancelled" | "order.line_fulfilled" | "order.completed" | "order.expired" | "order.customer_attached" | "payment.captured" | "payment.refunded" | "return.received" | "return.refunded" | "return.exchanged" | "stock.received" | "stock.adjusted" | "stock.counted" | "stock.transferred" | "stock.reservations_released" | "price.changed" | "promotion.started" | "promotion.ended" | "customer.created" | "customer.merged" | "customer.erased" | "pickup.ready" | "pickup.collected" | "pickup.expired" | "ticket.opened" | "ticket.status_changed" | "franchise.statement_closed";
                                /** @description Current version of its payload. */
                                version: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/{entity}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export every product, price, stock level or customer as CSV or JSON Lines
         * @description Streamed a page at a time; the file has the columns an import reads, so importing it back changes nothing.
         */
        get: {
            parameters: {
                query?: {
                    /** @description csv (header line first; `,` or `;` between cells) or jsonl (one JSON object per line). */
                    format?: "csv" | "jsonl";
                };
                header?: never;
                path: {
                    /** @description products (and their variants), prices (per price list), stock (counts per location), customers. */
                    entity: "products" | "prices" | "stock" | "customers";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/x-ndjson": string;
                        "text/csv": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/franchise/attribution-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The attribution rules, in order */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            nearest_max_km: number;
                            /** @description Tried in this order; the first naming a store wins. */
                            rules: ("collecting_store" | "selling_store" | "delivery_catchment" | "home_store" | "shipping_store")[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        /** Choose the attribution rules and their order */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        nearest_max_km?: number;
                        rules: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            nearest_max_km: number;
                            /** @description Tried in this order; the first naming a store wins. */
                            rules: ("collecting_store" | "selling_store" | "delivery_catchment" | "home_store" | "shipping_store")[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/franchise/attributions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Orders attributed to franchised stores, with the rule that fired (a franchisee key: its own) */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor of the previous page. */
                    cursor?: string;
                    /** @description Franchisee id or code */
                    franchisee_id?: string;
                    limit?: number;
                    /** @description Month attributed, YYYY-MM. */
                    period?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** Format: date-time */
                                attributed_at: string;
                                channel_id: string;
                                commission_cents: number;
                                franchisee_id: string;
                                /** @description The franchised store the sale is attributed to. */
                                location_id: string;
                                /** @description Net sales (VAT excluded) of the online lines. */
                                net_cents: number;
                                order_id: string;
                                order_number: number;
                                /** @description Why, in words (distance, catchment, pickup store…). */
                                reason: string;
                                /**
                                 * @description The attribution rule that fired.
                                 * @enum {unknown}
                                 */
                                rule: "collecting_store" | "selling_store" | "delivery_catchment" | "home_store" | "shipping_store";
                            }[];
                            /** @description Pass as cursor to get the next page; null on the last page. */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/franchise/attributions/{order_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An order's attribution: store, rule and reason */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Order id */
                    order_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            attributed_at: string;
                            channel_id: string;
                            commission_cents: number;
                            franchisee_id: string;
                            /** @description The franchised store the sale is attributed to. */
                            location_id: string;
                            /** @description Net sales (VAT excluded) of the online lines. */
                            net_cents: number;
                            order_id: string;
                            order_number: number;
                            /** @description Why, in words (distance, catchment, pickup store…). */
                            reason: string;
                            /**
                             * @description The attribution rule that fired.
                             * @enum {unknown}
                             */
                            rule: "collecting_store" | "selling_store" | "delivery_catchment" | "home_store" | "shipping_store";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/franchisees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Franchisees with their stores (a franchisee key sees itself only) */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor of the previous page. */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                code: string;
                                contract_ref: string;
                                /** Format: date-time */
                                created_at: string;
                                id: string;
                                name: string;
                                stores: {
                                    /** @description The addresses the store is nearest to (`nearest`, the default), a drawn radius around it, or a list of postcodes. */
                                    catchment: {
                                        /** @enum {string} */
                                        kind: "nearest";
                                    } | {
                                        /** @enum {string} */
                                        kind: "radius";
                                        /** @description Kilometres around the store, above 0. */
                                        radius_km: number;
                                    } | {
                                        /** @enum {string} */
                                        kind: "postcodes";
                                        postcodes: string[];
                                    };
                                    city: string;
                                    location_id: string;
                                    /** @description The store’s name (a franchisee key reads no locations). */
                                    name: string;
                                }[];
                            }[];
                            /** @description Pass as cursor to get the next page; null on the last page. */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Create a franchisee (the company running franchised stores under contract) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Retrying a request with the same key returns the first result and creates nothing twice. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        contract_ref?: string;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            contract_ref: string;
                            /** Format: date-time */
                            created_at: string;
                            id: string;
                            name: string;
                            stores: {
                                /** @description The addresses the store is nearest to (`nearest`, the default), a drawn radius around it, or a list of postcodes. */
                                catchment: {
                                    /** @enum {string} */
                                    kind: "nearest";
                                } | {
                                    /** @enum {string} */
                                    kind: "radius";
                                    /** @description Kilometres around the store, above 0. */
                                    radius_km: number;
                                } | {
                                    /** @enum {string} */
                                    kind: "postcodes";
                                    postcodes: string[];
                                };
                                city: string;
                                location_id: string;
                                /** @description The store’s name (a franchisee key reads no locations). */
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/franchisees/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A franchisee with its stores and their catchments */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Franchisee id or code */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            contract_ref: string;
                            /** Format: date-time */
                            created_at: string;
                            id: string;
                            name: string;
                            stores: {
                                /** @description The addresses the store is nearest to (`nearest`, the default), a drawn radius around it, or a list of postcodes. */
                                catchment: {
                                    /** @enum {string} */
                                    kind: "nearest";
                                } | {
                                    /** @enum {string} */
                                    kind: "radius";
                                    /** @description Kilometres around the store, above 0. */
                                    radius_km: number;
                                } | {
                                    /** @enum {string} */
                                    kind: "postcodes";
                                    postcodes: string[];
                                };
                                city: string;
                                location_id: string;
                                /** @description The store’s name (a franchisee key reads no locations). */
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/franchisees/{id}/commission-plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The franchisee's commission plans */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor of the previous page. */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description Franchisee id or code */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                category_rates_bp: {
                                    [key: string]: number;
                                };
                                click_collect_fee_cents: number;
                                default_rate_bp: number;
                                franchisee_id: string;
                                id: string;
                                location_id: string | null;
                                monthly_minimum_cents: number;
                                ship_from_store_fee_cents: number;
                                /** Format: date */
                                valid_from: string;
                                /** Format: date */
                                valid_until: string | null;
                            }[];
                            /** @description Pass as cursor to get the next page; null on the last page. */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a commission plan to the contract, or to one of its stores, from a date
         * @description Rates are in basis points of net sales excluding VAT (500 = 5 %), per category with a default; fees are per order prepared; the monthly minimum tops a store up on its statement. The plan in force on the day of the sale applies: a store's own plan before the contract's, the latest valid_from first.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Retrying a request with the same key returns the first result and creates nothing twice. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Franchisee id or code */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        category_rates_bp?: {
                            [key: string]: number;
                        };
                        click_collect_fee_cents?: number;
                        default_rate_bp: number;
                        /** @description A store of the franchisee (id or code): a plan for this store only. */
                        location_id?: string;
                        monthly_minimum_cents?: number;
                        ship_from_store_fee_cents?: number;
                        /** Format: date */
                        valid_from: string;
                        /**
                         * Format: date
                         * @description First day no longer in force.
                         */
                        valid_until?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            category_rates_bp: {
                                [key: string]: number;
                            };
                            click_collect_fee_cents: number;
                            default_rate_bp: number;
                            franchisee_id: string;
                            id: string;
                            location_id: string | null;
                            monthly_minimum_cents: number;
                            ship_from_store_fee_cents: number;
                            /** Format: date */
                            valid_from: string;
                            /** Format: date */
                            valid_until: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/franchisees/{id}/statements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Months with a statement, latest first */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor of the previous page. */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description Franchisee id or code */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                period: string;
                                statement_id: string | null;
                                status: "open" | "closed";
                                /** @description Closed statements only. */
                                total_cents: number | null;
                            }[];
                            /** @description Pass as cursor to get the next page; null on the last page. */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/franchisees/{id}/statements/{period}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A month's commission statement: lines, reversals, totals (live while open, frozen once closed) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Franchisee id or code */
                    id: string;
                    /** @description The month, YYYY-MM (Europe/Paris). */
                    period: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            closed_at: string | null;
                            franchisee_id: string;
                            lines: {
                                amount_cents: number;
                                base_cents: number;
                                booked_period: string;
                                category: string | null;
                                entry_id: number;
                                /** Format: date-time */
                                event_at: string;
                                /** @enum {unknown} */
                                kind: "commission" | "preparation_fee" | "commission_reversal" | "fee_reversal";
                                location_id: string;
                                order_id: string;
                                order_line_id: string | null;
                                order_number: number;
                                quantity: number;
                                rate_bp: number;
                                source: string;
                            }[];
                            period: string;
                            statement_id: string | null;
                            status: "open" | "closed";
                            top_ups: {
                                cents: number;
                                location_id: string;
                            }[];
                            totals: {
                                commission_cents: number;
                                minimum_top_up_cents: number;
                                preparation_fees_cents: number;
                                reversals_cents: number;
                                sales_net_cents: number;
                                /** @description commission + fees + reversals + top-up: due to the franchisee. */
                                total_cents: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/franchisees/{id}/statements/{period}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a finished month: the statement is frozen; later corrections go to the next month */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Retrying a request with the same key returns the first result and creates nothing twice. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Franchisee id or code */
                    id: string;
                    /** @description The month, YYYY-MM (Europe/Paris). */
                    period: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            closed_at: string | null;
                            franchisee_id: string;
                            lines: {
                                amount_cents: number;
                                base_cents: number;
                                booked_period: string;
                                category: string | null;
                                entry_id: number;
                                /** Format: date-time */
                                event_at: string;
                                /** @enum {unknown} */
                                kind: "commission" | "preparation_fee" | "commission_reversal" | "fee_reversal";
                                location_id: string;
                                order_id: string;
                                order_line_id: string | null;
                                order_number: number;
                                quantity: number;
                                rate_bp: number;
                                source: string;
                            }[];
                            period: string;
                            statement_id: string | null;
                            status: "open" | "closed";
                            top_ups: {
                                cents: number;
                                location_id: string;
                            }[];
                            totals: {
                                commission_cents: number;
                                minimum_top_up_cents: number;
                                preparation_fees_cents: number;
                                reversals_cents: number;
                                sales_net_cents: number;
                                /** @description commission + fees + reversals + top-up: due to the franchisee. */
                                total_cents: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/franchisees/{id}/statements/{period}/csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The statement as CSV (semicolons, decimal commas: opens in a French spreadsheet) */
        get: {
            parameters: {
                query?: {
                    lang?: "fr" | "en";
                };
                header?: never;
                path: {
                    /** @description Franchisee id or code */
                    id: string;
                    /** @description The month, YYYY-MM (Europe/Paris). */
                    period: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/franchisees/{id}/statements/{period}/print": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The statement as a printable page (French; ?lang=en for English) */
        get: {
            parameters: {
                query?: {
                    lang?: "fr" | "en";
                };
                header?: never;
                path: {
                    /** @description Franchisee id or code */
                    id: string;
                    /** @description The month, YYYY-MM (Europe/Paris). */
                    period: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/franchisees/{id}/stores/{location_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Put a franchised store under the franchisee's contract, with its catchment area */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Franchisee id or code */
                    id: string;
                    /** @description Store id or code */
                    location_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The addresses the store is nearest to (`nearest`, the default), a drawn radius around it, or a list of postcodes. */
                        catchment: {
                            /** @enum {string} */
                            kind: "nearest";
                        } | {
                            /** @enum {string} */
                            kind: "radius";
                            /** @description Kilometres around the store, above 0. */
                            radius_km: number;
                        } | {
                            /** @enum {string} */
                            kind: "postcodes";
                            postcodes: string[];
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            contract_ref: string;
                            /** Format: date-time */
                            created_at: string;
                            id: string;
                            name: string;
                            stores: {
                                /** @description The addresses the store is nearest to (`nearest`, the default), a drawn radius around it, or a list of postcodes. */
                                catchment: {
                                    /** @enum {string} */
                                    kind: "nearest";
                                } | {
                                    /** @enum {string} */
                                    kind: "radius";
                                    /** @description Kilometres around the store, above 0. */
                                    radius_km: number;
                                } | {
                                    /** @enum {string} */
                                    kind: "postcodes";
                                    postcodes: string[];
                                };
                                city: string;
                                location_id: string;
                                /** @description The store’s name (a franchisee key reads no locations). */
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/fulfilment/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A location's preparation queue, soonest promise first
         * @description Store staff see their own store only. Without `status`, the open tasks (allocated, picking, packed, ready_for_pickup).
         */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor of the previous page. */
                    cursor?: string;
                    limit?: number;
                    /** @description Location id or code */
                    location?: string;
                    status?: ("awaiting_stock" | "allocated" | "picking" | "packed" | "ready_for_pickup" | "collected" | "shipped" | "delivered" | "cancelled" | "expired")[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description The key that started picking. */
                                claimed_by: string | null;
                                /** Format: date-time */
                                created_at: string;
                                id: string;
                                /** @description ship: a parcel to the customer; collect: handed over in the store. */
                                kind: string;
                                lines: {
                                    order_line_id: string;
                                    quantity: number;
                                    /** @description Units not found or damaged here, moved or cancelled. */
                                    rejected_quantity: number;
                                    sku: string;
                                }[];
                                location_id: string;
                                order_id: string;
                                order_number: string;
                                /** @description A collect task whose hand-over is locked: 5 wrong pickup codes were given; a store manager unlocks it. */
                                pickup_locked: boolean;
                                /** Format: date-time */
                                promised_at: string;
                                status: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                            /** @description Pass as cursor to get the next page; null on the last page. */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/fulfilment/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A task with its lines and every step taken, with who took it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Task id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The key that started picking. */
                            claimed_by: string | null;
                            /** Format: date-time */
                            created_at: string;
                            events: {
                                actor: string | null;
                                /** Format: date-time */
                                at: string;
                                data: unknown;
                                from_status: string | null;
                                to_status: string;
                            }[];
                            id: string;
                            /** @description ship: a parcel to the customer; collect: handed over in the store. */
                            kind: string;
                            lines: {
                                order_line_id: string;
                                quantity: number;
                                /** @description Units not found or damaged here, moved or cancelled. */
                                rejected_quantity: number;
                                sku: string;
                            }[];
                            location_id: string;
                            order_id: string;
                            order_number: string;
                            /** @description A collect task whose hand-over is locked: 5 wrong pickup codes were given; a store manager unlocks it. */
                            pickup_locked: boolean;
                            /** Format: date-time */
                            promised_at: string;
                            status: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/fulfilment/tasks/{id}/advance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a task one step: picking (claims it), packed, ready_for_pickup / shipped, collected / delivered
         * @description Shipping or handing over takes the goods out of the stock; at collection, reserve & collect lines are paid with `payments`. The last task of a fulfilled, paid order completes it. A wrong pickup code answers 422 `pickup_code_mismatch` with `attempts_left`; the 5th locks the hand-over (409 `pickup_locked`, even with the right code) until a store manager unlocks it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Task id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        payments?: {
                            amount_cents: number;
                            /** @enum {unknown} */
                            method: "card" | "cash" | "gift_card" | "store_credit" | "voucher" | "loyalty_points";
                            /** @description Card authorisation; for gift_card, store_credit and voucher the code to spend (required). */
                            reference?: string;
                            /** @description Cash handed over; change is given back. */
                            tendered_cents?: number;
                        }[];
                        /** @description Required to hand over: the code the customer received. */
                        pickup_code?: string;
                        /** @enum {unknown} */
                        to: "awaiting_stock" | "allocated" | "picking" | "packed" | "ready_for_pickup" | "collected" | "shipped" | "delivered" | "cancelled" | "expired";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The key that started picking. */
                            claimed_by: string | null;
                            /** Format: date-time */
                            created_at: string;
                            events: {
                                actor: string | null;
                                /** Format: date-time */
                                at: string;
                                data: unknown;
                                from_status: string | null;
                                to_status: string;
                            }[];
                            id: string;
                            /** @description ship: a parcel to the customer; collect: handed over in the store. */
                            kind: string;
                            lines: {
                                order_line_id: string;
                                quantity: number;
                                /** @description Units not found or damaged here, moved or cancelled. */
                                rejected_quantity: number;
                                sku: string;
                            }[];
                            location_id: string;
                            order_id: string;
                            order_number: string;
                            /** @description A collect task whose hand-over is locked: 5 wrong pickup codes were given; a store manager unlocks it. */
                            pickup_locked: boolean;
                            /** Format: date-time */
                            promised_at: string;
                            status: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/fulfilment/tasks/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Units of a line are not found or damaged: stock corrected, units re-routed or refunded */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Task id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Order line id */
                        line_id: string;
                        quantity: number;
                        reason: "not_found" | "damaged";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The key that started picking. */
                            claimed_by: string | null;
                            /** Format: date-time */
                            created_at: string;
                            events: {
                                actor: string | null;
                                /** Format: date-time */
                                at: string;
                                data: unknown;
                                from_status: string | null;
                                to_status: string;
                            }[];
                            id: string;
                            /** @description ship: a parcel to the customer; collect: handed over in the store. */
                            kind: string;
                            lines: {
                                order_line_id: string;
                                quantity: number;
                                /** @description Units not found or damaged here, moved or cancelled. */
                                rejected_quantity: number;
                                sku: string;
                            }[];
                            location_id: string;
                            order_id: string;
                            order_number: string;
                            /** @description A collect task whose hand-over is locked: 5 wrong pickup codes were given; a store manager unlocks it. */
                            pickup_locked: boolean;
                            /** Format: date-time */
                            promised_at: string;
                            status: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/fulfilment/tasks/{id}/unlock-pickup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A store manager unlocks a hand-over locked by wrong pickup codes, saying why
         * @description Store manager keys of the pickup store and head office only. Who, when and the reason are recorded in the task’s steps; the attempts count starts again. 409 `pickup_not_locked` otherwise.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Task id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description How the customer was identified (identity card, order confirmation…). */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The key that started picking. */
                            claimed_by: string | null;
                            /** Format: date-time */
                            created_at: string;
                            events: {
                                actor: string | null;
                                /** Format: date-time */
                                at: string;
                                data: unknown;
                                from_status: string | null;
                                to_status: string;
                            }[];
                            id: string;
                            /** @description ship: a parcel to the customer; collect: handed over in the store. */
                            kind: string;
                            lines: {
                                order_line_id: string;
                                quantity: number;
                                /** @description Units not found or damaged here, moved or cancelled. */
                                rejected_quantity: number;
                                sku: string;
                            }[];
                            location_id: string;
                            order_id: string;
                            order_number: string;
                            /** @description A collect task whose hand-over is locked: 5 wrong pickup codes were given; a store manager unlocks it. */
                            pickup_locked: boolean;
                            /** Format: date-time */
                            promised_at: string;
                            status: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gift-cards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sell a gift card: loads it and returns its code (carte cadeau) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Retrying a request with the same key returns the first result and creates nothing twice. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Value loaded, in cents. */
                        amount_cents: number;
                        customer_id?: string;
                        /**
                         * @description How the buyer paid for the card.
                         * @enum {unknown}
                         */
                        paid_with: "card" | "cash";
                        payment_reference?: string;
                        /** @description Days it can be spent (365). */
                        validity_days?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            balance_cents: number;
                            /** @description Typed or scanned to spend it, as the `reference` of a payment. */
                            code: string;
                            customer_id: string | null;
                            /** Format: date-time */
                            expires_at: string | null;
                            id: string;
                            issued_cents: number;
                            /** @enum {unknown} */
                            kind: "gift_card" | "store_credit" | "voucher";
                            /** @description sale, refund, exchange, goodwill or reward. */
                            source: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{entity}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a CSV or JSON Lines file of products, prices, stock counts or customers
         * @description The body is the file (`Content-Type: text/csv` or `application/x-ndjson`, up to 256 MB), read as it arrives, 500 rows per transaction. Each row is applied whole or refused whole; the answer counts the rows created, updated, unchanged and refused, and lists the refusals (line, column, code, reason). Importing the same file twice changes nothing the second time. Columns: docs/bulk.md.
         */
        post: {
            parameters: {
                query?: {
                    /** @description true: check every row against the data, apply nothing, answer the same report. */
                    dry_run?: boolean;
                    /** @description csv (header line first; `,` or `;` between cells) or jsonl (one JSON object per line). */
                    format?: "csv" | "jsonl";
                };
                header?: never;
                path: {
                    /** @description products (and their variants), prices (per price list), stock (counts per location), customers. */
                    entity: "products" | "prices" | "stock" | "customers";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Rows written: created + updated. */
                            applied: number;
                            created: number;
                            dry_run: boolean;
                            entity: string;
                            /** @description The first 1,000 refusals, in file order (a row may have one per column). */
                            refused: {
                                /** @description Stable code of the refusal (docs/bulk.md lists them). */
                                code: string;
                                /** @description Null: the row as a whole. */
                                column: string | null;
                                /** @description Line of the file, from 1 (the CSV header). */
                                line: number;
                                /** @description What is wrong and what to write instead. */
                                reason: string;
                            }[];
                            /** @description Refusals beyond the 1,000 listed. */
                            refused_not_listed: number;
                            /** @description Rows refused, each writing nothing. */
                            refused_rows: number;
                            /** @description Data rows read (the CSV header is not one). */
                            rows: number;
                            /** @description Rows that said what was already there: nothing written. */
                            unchanged: number;
                            updated: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stock held at a location, by SKU */
        get: {
            parameters: {
                query: {
                    /** @description next_cursor of the previous page. */
                    cursor?: string;
                    limit?: number;
                    /** @description Location id or code */
                    location_id: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description on_hand − reserved − safety_stock, never below 0. */
                                available: number;
                                /** @description Shipped here from another location, not yet received. */
                                in_transit: number;
                                location_id: string;
                                on_hand: number;
                                /** @description Returned units kept apart (damaged, or defective awaiting after-sales): never sellable. */
                                quarantined: number;
                                reserved: number;
                                safety_stock: number;
                                sku: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                            /** @description Pass as cursor to get the next page; null on the last page. */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stock of a SKU in every location */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sku: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            levels: {
                                /** @description on_hand − reserved − safety_stock, never below 0. */
                                available: number;
                                /** @description Shipped here from another location, not yet received. */
                                in_transit: number;
                                location_id: string;
                                on_hand: number;
                                /** @description Returned units kept apart (damaged, or defective awaiting after-sales): never sellable. */
                                quarantined: number;
                                reserved: number;
                                safety_stock: number;
                                sku: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                            sku: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory/{sku}/movements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Movement ledger of a SKU (newest first): every unit explained */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor of the previous page. */
                    cursor?: string;
                    limit?: number;
                    /** @description Location id or code. */
                    location_id?: string;
                };
                header?: never;
                path: {
                    sku: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                actor: string | null;
                                /** Format: date-time */
                                created_at: string;
                                id: number;
                                /** @enum {unknown} */
                                kind: "receipt" | "sale" | "reservation" | "release" | "adjustment" | "count" | "transfer_out" | "transfer_in" | "return" | "quarantine";
                                location_id: string;
                                on_hand_delta: number;
                                /** @description Returned units put into (or out of) quarantine. */
                                quarantined_delta: number;
                                reason: string | null;
                                reference: string | null;
                                reserved_delta: number;
                                sku: string;
                            }[];
                            /** @description Pass as cursor to get the next page; null on the last page. */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Correct stock by a delta, or record a physical count */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Retrying a request with the same key returns the first result and creates nothing twice. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        counted_quantity?: number;
                        delta?: number;
                        /** @description Location id or code */
                        location_id: string;
                        /** @description Breakage, theft, inventory count… */
                        reason: string;
                        sku: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description on_hand − reserved − safety_stock, never below 0. */
                            available: number;
                            /** @description Shipped here from another location, not yet received. */
                            in_transit: number;
                            location_id: string;
                            on_hand: number;
                            /** @description Returned units kept apart (damaged, or defective awaiting after-sales): never sellable. */
                            quarantined: number;
                            reserved: number;
                            safety_stock: number;
                            sku: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Receive goods at a location (supplier delivery, pallet) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Retrying a request with the same key returns the first result and creates nothing twice. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        lines: {
                            quantity: number;
                            sku: string;
                        }[];
                        /** @description Receiving location, id or code */
                        location_id: string;
                        /** @description Delivery note or ASN number. */
                        reference?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            levels: {
                                /** @description on_hand − reserved − safety_stock, never below 0. */
                                available: number;
                                /** @description Shipped here from another location, not yet received. */
                                in_transit: number;
                                location_id: string;
                                on_hand: number;
                                /** @description Returned units kept apart (damaged, or defective awaiting after-sales): never sellable. */
                                quarantined: number;
                                reserved: number;
                                safety_stock: number;
                                sku: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                            reference: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory/safety-stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the safety stock kept back from remote channels for a SKU at a location */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Location id or code */
                        location_id: string;
                        safety_stock: number;
                        sku: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description on_hand − reserved − safety_stock, never below 0. */
                            available: number;
                            /** @description Shipped here from another location, not yet received. */
                            in_transit: number;
                            location_id: string;
                            on_hand: number;
                            /** @description Returned units kept apart (damaged, or defective awaiting after-sales): never sellable. */
                            quarantined: number;
                            reserved: number;
                            safety_stock: number;
                            sku: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Transfers into or out of a location, soonest expected first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description Location id or code */
                    location?: string;
                    status?: "in_transit" | "received";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** Format: date-time */
                                created_at: string;
                                created_by: string | null;
                                /** Format: date-time */
                                expected_at: string;
                                from_location_id: string;
                                id: string;
                                lines: {
                                    line_no: number;
                                    order_line_id: string | null;
                                    quantity: number;
                                    sku: string;
                                }[];
                                /** @description The click & collect order it serves. */
                                order_id: string | null;
                                /** Format: date-time */
                                received_at: string | null;
                                status: "in_transit" | "received";
                                to_location_id: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Move stock from one location to another, at once or arriving later (in transit)
         * @description Without arrives_at the units move at once. With it, they leave the source now and count as in transit at the destination until it receives them (POST /inventory/transfers/{id}/receive).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Retrying a request with the same key returns the first result and creates nothing twice. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description Expected arrival.
                         */
                        arrives_at?: string;
                        /** @description Sending location, id or code */
                        from_location_id: string;
                        lines: {
                            quantity: number;
                            sku: string;
                        }[];
                        /** @description Receiving location, id or code */
                        to_location_id: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            expected_at?: string;
                            /** @description The transfer id. */
                            reference: string;
                            /** @enum {string} */
                            status?: "in_transit";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory/transfers/{id}/receive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Receive a transfer: its units go on hand (and to their click & collect order) here */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Transfer id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            created_by: string | null;
                            /** Format: date-time */
                            expected_at: string;
                            from_location_id: string;
                            id: string;
                            lines: {
                                line_no: number;
                                order_line_id: string | null;
                                quantity: number;
                                sku: string;
                            }[];
                            /** @description The click & collect order it serves. */
                            order_id: string | null;
                            /** Format: date-time */
                            received_at: string | null;
                            status: "in_transit" | "received";
                            to_location_id: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Background jobs of this server process: interval, passes, failures, last duration and success
         * @description Empty when this process runs no background jobs. With several server processes on one PostgreSQL database, each job runs in one of them at a time; the others count the pass as skipped.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                failures: number;
                                /** @description The job, e.g. orders.expire-drafts. */
                                id: string;
                                /** @description Seconds from the end of one pass to the start of the next (0.2 for the event relay). */
                                interval_s: number;
                                last_duration_ms: number | null;
                                /** Format: date-time */
                                last_failure_at: string | null;
                                /** Format: date-time */
                                last_success_at: string | null;
                                running: boolean;
                                /** @description Passes run by this server process since it started, failed ones included. */
                                runs: number;
                                /** @description Passes left to another server process that was running the job (PostgreSQL). */
                                skipped: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/locations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the network: warehouses, stores and dark stores */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor of the previous page. */
                    cursor?: string;
                    /** @description warehouse (entrepôt), store (magasin), dark_store (magasin fermé au public). */
                    kind?: "warehouse" | "store" | "dark_store";
                    limit?: number;
                    /** @description owned (succursale) or franchised (franchisé); a warehouse is always owned. */
                    ownership?: "owned" | "franchised";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                address_line: string;
                                city: string;
                                cluster: string | null;
                                code: string;
                                country: string;
                                /** Format: date-time */
                                created_at: string;
                                daily_prep_capacity: number;
                                fulfilment_modes: string[];
                                id: string;
                                insee_code: string | null;
                                /**
                                 * @description warehouse (entrepôt), store (magasin), dark_store (magasin fermé au public).
                                 * @enum {unknown}
                                 */
                                kind: "warehouse" | "store" | "dark_store";
                                lat: number;
                                lon: number;
                                name: string;
                                /** @description Per weekday, ranges [open, close] in local "HH:MM"; [] when closed. */
                                opening_hours: {
                                    fri: string[][];
                                    mon: string[][];
                                    sat: string[][];
                                    sun: string[][];
                                    thu: string[][];
                                    tue: string[][];
                                    wed: string[][];
                                };
                                /**
                                 * @description owned (succursale) or franchised (franchisé); a warehouse is always owned.
                                 * @enum {unknown}
                                 */
                                ownership: "owned" | "franchised";
                                postcode: string;
                                prep_lead_minutes: number;
                                ship_from_store_opt_in: boolean;
                                timezone: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                            /** @description Pass as cursor to get the next page; null on the last page. */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a location to the network: entrepôt, magasin (succursale or franchisé), dark store
         * @description Opening hours default to Monday–Saturday 09:00–19:00, closed on Sunday; a bad range answers 400 naming the day (e.g. `opening_hours/sun/0`).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Retrying a request with the same key returns the first result and creates nothing twice. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        address_line?: string;
                        city: string;
                        /** @description Store cluster (e.g. flagship, city): its listing rules and price lists apply to the store. */
                        cluster?: string | null;
                        /** @description Unique, URL-safe, e.g. LYON-PART-DIEU. */
                        code: string;
                        /** @description ISO 3166-1 alpha-2, FR by default. */
                        country?: string;
                        /** @description Preparations (click & collect, ship-from-store) the location can handle per day. */
                        daily_prep_capacity?: number;
                        /** @description What the location does for customers: delivery (ships parcels), pickup (retrait, click & collect), takeaway and reserve (stores only). [] for a location that only replenishes others. */
                        fulfilment_modes: ("takeaway" | "delivery" | "pickup" | "reserve")[];
                        /** @description Code officiel géographique (COG). */
                        insee_code?: string;
                        /**
                         * @description warehouse (entrepôt), store (magasin), dark_store (magasin fermé au public).
                         * @enum {unknown}
                         */
                        kind: "warehouse" | "store" | "dark_store";
                        lat: number;
                        lon: number;
                        name: string;
                        /** @description Per weekday, ranges [open, close] in local "HH:MM"; [] when closed. */
                        opening_hours?: {
                            fri: string[][];
                            mon: string[][];
                            sat: string[][];
                            sun: string[][];
                            thu: string[][];
                            tue: string[][];
                            wed: string[][];
                        };
                        /**
                         * @description owned (succursale) or franchised (franchisé); a warehouse is always owned.
                         * @enum {unknown}
                         */
                        ownership?: "owned" | "franchised";
                        postcode?: string;
                        /** @description Minutes to pick and pack an order once it reaches the location (120 by default). */
                        prep_lead_minutes?: number;
                        /** @description A franchised store ships web orders only when true; owned stores ship when they offer delivery. */
                        ship_from_store_opt_in?: boolean;
                        /** @description IANA zone, Europe/Paris by default. */
                        timezone?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            address_line: string;
                            city: string;
                            cluster: string | null;
                            code: string;
                            country: string;
                            /** Format: date-time */
                            created_at: string;
                            daily_prep_capacity: number;
                            fulfilment_modes: string[];
                            id: string;
                            insee_code: string | null;
                            /**
                             * @description warehouse (entrepôt), store (magasin), dark_store (magasin fermé au public).
                             * @enum {unknown}
                             */
                            kind: "warehouse" | "store" | "dark_store";
                            lat: number;
                            lon: number;
                            name: string;
                            /** @description Per weekday, ranges [open, close] in local "HH:MM"; [] when closed. */
                            opening_hours: {
                                fri: string[][];
                                mon: string[][];
                                sat: string[][];
                                sun: string[][];
                                thu: string[][];
                                tue: string[][];
                                wed: string[][];
                            };
                            /**
                             * @description owned (succursale) or franchised (franchisé); a warehouse is always owned.
                             * @enum {unknown}
                             */
                            ownership: "owned" | "franchised";
                            postcode: string;
                            prep_lead_minutes: number;
                            ship_from_store_opt_in: boolean;
                            timezone: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/locations/{ref}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A location, by id or code */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Location id or code. */
                    ref: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            address_line: string;
                            city: string;
                            cluster: string | null;
                            code: string;
                            country: string;
                            /** Format: date-time */
                            created_at: string;
                            daily_prep_capacity: number;
                            fulfilment_modes: string[];
                            id: string;
                            insee_code: string | null;
                            /**
                             * @description warehouse (entrepôt), store (magasin), dark_store (magasin fermé au public).
                             * @enum {unknown}
                             */
                            kind: "warehouse" | "store" | "dark_store";
                            lat: number;
                            lon: number;
                            name: string;
                            /** @description Per weekday, ranges [open, close] in local "HH:MM"; [] when closed. */
                            opening_hours: {
                                fri: string[][];
                                mon: string[][];
                                sat: string[][];
                                sun: string[][];
                                thu: string[][];
                                tue: string[][];
                                wed: string[][];
                            };
                            /**
                             * @description owned (succursale) or franchised (franchisé); a warehouse is always owned.
                             * @enum {unknown}
                             */
                            ownership: "owned" | "franchised";
                            postcode: string;
                            prep_lead_minutes: number;
                            ship_from_store_opt_in: boolean;
                            timezone: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a location: hours (horaires), address, modes, click & collect capacity, franchise
         * @description Code and kind do not change. Set insee_code to null to clear it.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Location id or code. */
                    ref: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        address_line?: string;
                        city?: string;
                        /** @description Store cluster (e.g. flagship, city): its listing rules and price lists apply to the store. */
                        cluster?: string | null;
                        /** @description ISO 3166-1 alpha-2, FR by default. */
                        country?: string;
                        /** @description Preparations (click & collect, ship-from-store) the location can handle per day. */
                        daily_prep_capacity?: number;
                        /** @description What the location does for customers: delivery (ships parcels), pickup (retrait, click & collect), takeaway and reserve (stores only). [] for a location that only replenishes others. */
                        fulfilment_modes?: ("takeaway" | "delivery" | "pickup" | "reserve")[];
                        /** @description Code officiel géographique (COG). */
                        insee_code?: string | null;
                        lat?: number;
                        lon?: number;
                        name?: string;
                        /** @description Per weekday, ranges [open, close] in local "HH:MM"; [] when closed. */
                        opening_hours?: {
                            fri: string[][];
                            mon: string[][];
                            sat: string[][];
                            sun: string[][];
                            thu: string[][];
                            tue: string[][];
                            wed: string[][];
                        };
                        /**
                         * @description owned (succursale) or franchised (franchisé); a warehouse is always owned.
                         * @enum {unknown}
                         */
                        ownership?: "owned" | "franchised";
                        postcode?: string;
                        /** @description Minutes to pick and pack an order once it reaches the location (120 by default). */
                        prep_lead_minutes?: number;
                        /** @description A franchised store ships web orders only when true; owned stores ship when they offer delivery. */
                        ship_from_store_opt_in?: boolean;
                        /** @description IANA zone, Europe/Paris by default. */
                        timezone?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            address_line: string;
                            city: string;
                            cluster: string | null;
                            code: string;
                            country: string;
                            /** Format: date-time */
                            created_at: string;
                            daily_prep_capacity: number;
                            fulfilment_modes: string[];
                            id: string;
                            insee_code: string | null;
                            /**
                             * @description warehouse (entrepôt), store (magasin), dark_store (magasin fermé au public).
                             * @enum {unknown}
                             */
                            kind: "warehouse" | "store" | "dark_store";
                            lat: number;
                            lon: number;
                            name: string;
                            /** @description Per weekday, ranges [open, close] in local "HH:MM"; [] when closed. */
                            opening_hours: {
                                fri: string[][];
                                mon: string[][];
                                sat: string[][];
                                sun: string[][];
                                thu: string[][];
                                tue: string[][];
                                wed: string[][];
                            };
                            /**
                             * @description owned (succursale) or franchised (franchisé); a warehouse is always owned.
                             * @enum {unknown}
                             */
                            ownership: "owned" | "franchised";
                            postcode: string;
                            prep_lead_minutes: number;
                            ship_from_store_opt_in: boolean;
                            timezone: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/loyalty/expiry-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Expire the points credited more than expiry_months before a date (default: now)
         * @description Oldest points first: what expires is what was credited before the cutoff and not spent, taken back or expired since. Safe to repeat and to run alongside the periodic sweep: nothing expires twice.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description Up to now.
                         */
                        as_of?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            as_of: string;
                            /** @description Customers who lost points. */
                            customers: number;
                            /**
                             * Format: date-time
                             * @description Points credited before it expired.
                             */
                            cutoff: string;
                            expiry_months: number;
                            /** @description Points expired in all. */
                            points: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loyalty/programme": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The programme: base earning rate, point value, tiers and expiry */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Points expire this long after credited; null: never. */
                            expiry_months: number | null;
                            /** @description What a point pays as a tender. Fixed: changing it would revalue every balance. */
                            point_value_cents: number;
                            /** @description Base rate: points per euro not paid with points. */
                            points_per_euro: number;
                            /** @description Tiers count the points earned over these last months. */
                            tier_window_months: number;
                            /** @description Lowest threshold first. */
                            tiers: {
                                code: string;
                                /** @description Applied to the base points of every order: 150 = ×1.5. */
                                multiplier_percent: number;
                                name: string;
                                /** @description Points earned over the rolling window to reach it. */
                                threshold_points: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        /**
         * Change the base earning rate, the tier window or the points’ validity
         * @description Fields left out are kept. expiry_months null: points stop expiring.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        expiry_months?: number | null;
                        points_per_euro?: number;
                        tier_window_months?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Points expire this long after credited; null: never. */
                            expiry_months: number | null;
                            /** @description What a point pays as a tender. Fixed: changing it would revalue every balance. */
                            point_value_cents: number;
                            /** @description Base rate: points per euro not paid with points. */
                            points_per_euro: number;
                            /** @description Tiers count the points earned over these last months. */
                            tier_window_months: number;
                            /** @description Lowest threshold first. */
                            tiers: {
                                code: string;
                                /** @description Applied to the base points of every order: 150 = ×1.5. */
                                multiplier_percent: number;
                                name: string;
                                /** @description Points earned over the rolling window to reach it. */
                                threshold_points: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loyalty/rewards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rewards points can be exchanged for, cheapest first */
        get: {
            parameters: {
                query?: {
                    /** @description Offered ones only. */
                    active?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Retired rewards stay listed for head office, and cannot be redeemed. */
                                active: boolean;
                                /** Format: date-time */
                                created_at: string;
                                id: string;
                                /** @description e.g. Bon d’achat 25 € */
                                name: string;
                                /** @description Points it takes. */
                                points_cost: number;
                                /** Format: date-time */
                                updated_at: string;
                                /** @description Value of the voucher issued. */
                                voucher_cents: number;
                                /** @description Validity of the voucher; null: no end. */
                                voucher_valid_days: number | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Offer a reward (e.g. 500 points for a 25 € voucher) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Retired rewards stay listed for head office, and cannot be redeemed. */
                        active?: boolean;
                        /** @description e.g. Bon d’achat 25 € */
                        name: string;
                        /** @description Points it takes. */
                        points_cost: number;
                        /** @description Value of the voucher issued. */
                        voucher_cents: number;
                        /** @description Validity of the voucher; null: no end. */
                        voucher_valid_days?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Retired rewards stay listed for head office, and cannot be redeemed. */
                            active: boolean;
                            /** Format: date-time */
                            created_at: string;
                            id: string;
                            /** @description e.g. Bon d’achat 25 € */
                            name: string;
                            /** @description Points it takes. */
                            points_cost: number;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description Value of the voucher issued. */
                            voucher_cents: number;
                            /** @description Validity of the voucher; null: no end. */
                            voucher_valid_days: number | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loyalty/rewards/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a reward, or retire it (active: false) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Reward id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Retired rewards stay listed for head office, and cannot be redeemed. */
                        active?: boolean;
                        /** @description e.g. Bon d’achat 25 € */
                        name?: string;
                        /** @description Points it takes. */
                        points_cost?: number;
                        /** @description Value of the voucher issued. */
                        voucher_cents?: number;
                        /** @description Validity of the voucher; null: no end. */
                        voucher_valid_days?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Retired rewards stay listed for head office, and cannot be redeemed. */
                            active: boolean;
                            /** Format: date-time */
                            created_at: string;
                            id: string;
                            /** @description e.g. Bon d’achat 25 € */
                            name: string;
                            /** @description Points it takes. */
                            points_cost: number;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description Value of the voucher issued. */
                            voucher_cents: number;
                            /** @description Validity of the voucher; null: no end. */
                            voucher_valid_days: number | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/loyalty/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Earning rules: per channel, per category, campaigns with dates */
        get: {
            parameters: {
                query?: {
                    /** @description Active ones only. */
                    active?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description A rule is retired by setting it inactive; earn entries keep its id. */
                                active: boolean;
                                bonus_points: number | null;
                                /** @description Only lines of this category. */
                                category: string | null;
                                /** @description Only orders of this channel (id or code); null: every channel. */
                                channel_id: string | null;
                                /** Format: date-time */
                                created_at: string;
                                /**
                                 * Format: date-time
                                 * @description Orders placed before this time (excluded); null: no end.
                                 */
                                ends_at: string | null;
                                id: string;
                                /**
                                 * @description multiplier: (multiplier_percent − 100) % more of the base points of the lines in scope; points_per_euro: that many extra points per euro of the lines in scope; order_bonus: bonus_points once per order whose lines in scope reach min_order_cents.
                                 * @enum {unknown}
                                 */
                                kind: "multiplier" | "points_per_euro" | "order_bonus";
                                min_order_cents: number;
                                /** @description 200 = ×2. */
                                multiplier_percent: number | null;
                                name: string;
                                points_per_euro: number | null;
                                /**
                                 * Format: date-time
                                 * @description Orders placed from this time (included); null: since always.
                                 */
                                starts_at: string | null;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an earning rule (e.g. web ×2, shoes +1 pt/€, double points weekend, +200 pts from 100 €)
         * @description Every rule is worked out on the order’s base points and they add up (a ×2 channel and a ×2 campaign make ×3). A rule applies to orders placed within its dates. Each earn entry lists the rules that gave it points.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A rule is retired by setting it inactive; earn entries keep its id. */
                        active?: boolean;
                        bonus_points?: number | null;
                        /** @description Only lines of this category. */
                        category?: string | null;
                        /** @description Only orders of this channel (id or code); null: every channel. */
                        channel_id?: string | null;
                        /**
                         * Format: date-time
                         * @description Orders placed before this time (excluded); null: no end.
                         */
                        ends_at?: string | null;
                        /**
                         * @description multiplier: (multiplier_percent − 100) % more of the base points of the lines in scope; points_per_euro: that many extra points per euro of the lines in scope; order_bonus: bonus_points once per order whose lines in scope reach min_order_cents.
                         * @enum {unknown}
                         */
                        kind: "multiplier" | "points_per_euro" | "order_bonus";
                        min_order_cents?: number;
                        /** @description 200 = ×2. */
                        multiplier_percent?: number | null;
                        name: string;
                        points_per_euro?: number | null;
                        /**
                         * Format: date-time
                         * @description Orders placed from this time (included); null: since always.
                         */
                        starts_at?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A rule is retired by setting it inactive; earn entries keep its id. */
                            active: boolean;
                            bonus_points: number | null;
                            /** @description Only lines of this category. */
                            category: string | null;
                            /** @description Only orders of this channel (id or code); null: every channel. */
                            channel_id: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @description Orders placed before this time (excluded); null: no end.
                             */
                            ends_at: string | null;
                            id: string;
                            /**
                             * @description multiplier: (multiplier_percent − 100) % more of the base points of the lines in scope; points_per_euro: that many extra points per euro of the lines in scope; order_bonus: bonus_points once per order whose lines in scope reach min_order_cents.
                             * @enum {unknown}
                             */
                            kind: "multiplier" | "points_per_euro" | "order_bonus";
                            min_order_cents: number;
                            /** @description 200 = ×2. */
                            multiplier_percent: number | null;
                            name: string;
                            points_per_euro: number | null;
                            /**
                             * Format: date-time
                             * @description Orders placed from this time (included); null: since always.
                             */
                            starts_at: string | null;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loyalty/rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an earning rule, or retire it (active: false) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Rule id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A rule is retired by setting it inactive; earn entries keep its id. */
                        active?: boolean;
                        bonus_points?: number | null;
                        /** @description Only lines of this category. */
                        category?: string | null;
                        /** @description Only orders of this channel (id or code); null: every channel. */
                        channel_id?: string | null;
                        /**
                         * Format: date-time
                         * @description Orders placed before this time (excluded); null: no end.
                         */
                        ends_at?: string | null;
                        /**
                         * @description multiplier: (multiplier_percent − 100) % more of the base points of the lines in scope; points_per_euro: that many extra points per euro of the lines in scope; order_bonus: bonus_points once per order whose lines in scope reach min_order_cents.
                         * @enum {unknown}
                         */
                        kind?: "multiplier" | "points_per_euro" | "order_bonus";
                        min_order_cents?: number;
                        /** @description 200 = ×2. */
                        multiplier_percent?: number | null;
                        name?: string;
                        points_per_euro?: number | null;
                        /**
                         * Format: date-time
                         * @description Orders placed from this time (included); null: since always.
                         */
                        starts_at?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description A rule is retired by setting it inactive; earn entries keep its id. */
                            active: boolean;
                            bonus_points: number | null;
                            /** @description Only lines of this category. */
                            category: string | null;
                            /** @description Only orders of this channel (id or code); null: every channel. */
                            channel_id: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @description Orders placed before this time (excluded); null: no end.
                             */
                            ends_at: string | null;
                            id: string;
                            /**
                             * @description multiplier: (multiplier_percent − 100) % more of the base points of the lines in scope; points_per_euro: that many extra points per euro of the lines in scope; order_bonus: bonus_points once per order whose lines in scope reach min_order_cents.
                             * @enum {unknown}
                             */
                            kind: "multiplier" | "points_per_euro" | "order_bonus";
                            min_order_cents: number;
                            /** @description 200 = ×2. */
                            multiplier_percent: number | null;
                            name: string;
                            points_per_euro: number | null;
                            /**
                             * Format: date-time
                             * @description Orders placed from this time (included); null: since always.
                             */
                            starts_at: string | null;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/loyalty/tiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace the tier ladder (e.g. Membre 0, Argent 500, Or 2000 points a year)
         * @description A customer holds the highest tier whose threshold the points earned over the last tier_window_months reach. An empty list: no tiers.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        tiers: {
                            /** @description e.g. argent */
                            code: string;
                            /** @default 100 */
                            multiplier_percent?: number;
                            name: string;
                            threshold_points: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Points expire this long after credited; null: never. */
                            expiry_months: number | null;
                            /** @description What a point pays as a tender. Fixed: changing it would revalue every balance. */
                            point_value_cents: number;
                            /** @description Base rate: points per euro not paid with points. */
                            points_per_euro: number;
                            /** @description Tiers count the points earned over these last months. */
                            tier_window_months: number;
                            /** @description Lowest threshold first. */
                            tiers: {
                                code: string;
                                /** @description Applied to the base points of every order: 150 = ×1.5. */
                                multiplier_percent: number;
                                name: string;
                                /** @description Points earned over the rolling window to reach it. */
                                threshold_points: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who this API key is: its role and what it is bound to (a sign-in checks a key with it) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The channel of a channel or call_centre key. */
                            channel_id: string | null;
                            /** @description The franchisee of a franchisee key. */
                            franchisee_id: string | null;
                            key_id: string;
                            /** @description The store of a store_staff key. */
                            location_id: string | null;
                            manager: boolean;
                            name: string;
                            /** @enum {unknown} */
                            role: "admin" | "store_staff" | "channel" | "call_centre" | "franchisee";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/e-receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a sale’s receipt by e-mail, as the customer asks at the till
         * @description Written once per sale: asking again answers the same message. It goes to the e-mail on the customer’s profile, in their language, unless they turned e-mails off.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The sale (order id). */
                        order_id: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Null when the customer has no e-mail address or turned e-mails off. */
                            message_id: string | null;
                            order_id: string;
                            /** @description False when it was asked before (it is written once per sale). */
                            queued: boolean;
                            status: ("queued" | "sent" | "failed" | "bounced" | "cancelled") | (never | null);
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The message templates, their languages and the event that sends each */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @enum {unknown} */
                                id: "order_confirmation" | "pickup_ready" | "pickup_reminder" | "pickup_expired" | "shipped" | "refund_issued" | "return_received" | "ticket_status_changed";
                                languages: ("fr" | "en")[];
                                /** @description The event that sends it. */
                                sent_on: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/templates/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A template rendered as the customer would receive it (subject, text, HTML, SMS)
         * @description The brand's name, a store's details (location, else the first store) and an example order's figures.
         */
        get: {
            parameters: {
                query?: {
                    /** @description fr or en. */
                    lang?: "fr" | "en";
                    /** @description A store's id or code: its name, address and hours fill the preview (else the first store). */
                    location?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The HTML part of the e-mail. */
                            html: string;
                            /**
                             * @description fr or en.
                             * @enum {unknown}
                             */
                            language: "fr" | "en";
                            /** @description The text sent by SMS. */
                            sms: string;
                            subject: string;
                            /** @enum {unknown} */
                            template: "order_confirmation" | "pickup_ready" | "pickup_reminder" | "pickup_expired" | "shipped" | "refund_issued" | "return_received" | "ticket_status_changed";
                            /** @description The plain-text part of the e-mail. */
                            text: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The page an e-mail’s unsubscribe link opens: one button withdraws marketing e-mails */
        get: {
            parameters: {
                query: {
                    token: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An HTML page. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /**
         * One-click unsubscribe (RFC 8058): withdraws the consent to marketing by e-mail
         * @description Records the withdrawal in the customer’s consents; messages about their orders still go.
         */
        post: {
            parameters: {
                query: {
                    token: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An HTML page. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offer/assortment-exclusions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Justify why a product is not sold in a channel (a cross-channel exclusion with its reason) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Channel id or code. */
                        channel: string;
                        note?: string;
                        /** @description Product id or code. */
                        product: string;
                        /** @enum {unknown} */
                        reason: "channel_exclusive" | "brand_restriction" | "legal" | "logistics" | "bulky" | "perishable" | "launch_phase" | "other";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channel_id: string;
                            note: string | null;
                            product_id: string;
                            reason: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offer/assortment-exclusions/{channel}/{product}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw an exclusion’s justification */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    channel: string;
                    product: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offer/assortment-report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Products whose listing breaks their strategy: selective overlaps, unjustified cross-channel gaps */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor of the previous page. */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                category: string;
                                /** @description overlap: the channels listing it; unjustified_exclusion: those missing it. */
                                channels: string[];
                                code: string;
                                product_id: string;
                                /** @enum {unknown} */
                                rule: "overlap" | "unjustified_exclusion";
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offer/assortment-strategies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Assortment strategy of each category */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                category: string;
                                endless_aisle: boolean;
                                /**
                                 * @description selective: each product in its own channels (overlaps reported); cross_channel: everywhere, exclusions justified.
                                 * @enum {unknown}
                                 */
                                strategy: "selective" | "cross_channel";
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offer/assortment-strategies/{category}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a category’s assortment strategy and whether a till may order it unlisted (endless aisle) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    category: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A till may order an unlisted product for delivery or pickup (default true). */
                        endless_aisle?: boolean;
                        /**
                         * @description selective: each product in its own channels (overlaps reported); cross_channel: everywhere, exclusions justified.
                         * @enum {unknown}
                         */
                        strategy: "selective" | "cross_channel";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                category: string;
                                endless_aisle: boolean;
                                /**
                                 * @description selective: each product in its own channels (overlaps reported); cross_channel: everywhere, exclusions justified.
                                 * @enum {unknown}
                                 */
                                strategy: "selective" | "cross_channel";
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offer/cluster-listings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the stores of each cluster carry or not: rules on categories and products */
        get: {
            parameters: {
                query?: {
                    /** @description Store cluster. */
                    cluster?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                category: string | null;
                                cluster: string;
                                listed: boolean;
                                product_code: string | null;
                                product_id: string | null;
                                reason: string | null;
                                /** Format: date-time */
                                updated_at: string;
                                updated_by: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        /**
         * Set whether a cluster’s stores carry a category or a product (a product rule wins)
         * @description A till of a store that does not carry a product cannot sell it from the shelf (422 not_in_assortment); it can order it for delivery or pickup elsewhere when the category allows the endless aisle.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        category?: string;
                        /** @description Store cluster. */
                        cluster: string;
                        listed: boolean;
                        /** @description Product id or code. */
                        product?: string;
                        /** @description Required to unlist. */
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            category: string | null;
                            cluster: string;
                            listed: boolean;
                            product_code: string | null;
                            product_id: string | null;
                            reason: string | null;
                            /** Format: date-time */
                            updated_at: string;
                            updated_by: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        /** Remove a cluster’s rule: its stores carry what their channel lists */
        delete: {
            parameters: {
                query: {
                    category?: string;
                    /** @description Store cluster. */
                    cluster: string;
                    /** @description Product id or code. */
                    product?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offer/cluster-price-lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Price lists of store clusters per channel */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                channel: string;
                                channel_id: string;
                                cluster: string;
                                price_list: string;
                                price_list_id: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        /** Give a store cluster its own price list in a channel (its prices win over the channel’s) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        channel: string;
                        /** @description Store cluster. */
                        cluster: string;
                        /** @description Price list id or code. */
                        price_list: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channel: string;
                            channel_id: string;
                            cluster: string;
                            price_list: string;
                            price_list_id: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offer/cluster-price-lists/{channel}/{cluster}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** The cluster’s stores sell at the channel’s prices again */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    channel: string;
                    /** @description Store cluster. */
                    cluster: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offer/coherence-report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * SKUs whose channel prices break their category policy, with suggested prices that satisfy it
         * @description Suggestions are the prices closest to today’s (least total change) that satisfy every rule, computed by an exact search over price points (HiGHS for policies too wide to walk); `feasible: false` says when no price set satisfies the policy. JSON is paged by SKU; `format=csv` streams the whole report.
         */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor of the previous page. */
                    cursor?: string;
                    format?: "json" | "csv";
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description SKUs under a policy. */
                            checked: number;
                            data: {
                                category: string;
                                cost_cents: number | null;
                                prices: {
                                    channel: string;
                                    price_cents: number;
                                }[];
                                product_code: string;
                                product_name: string;
                                sku: string;
                                suggestion: {
                                    /** @enum {boolean} */
                                    feasible: true;
                                    prices: {
                                        channels: string[];
                                        from_cents: number;
                                        price_list: string;
                                        to_cents: number;
                                    }[];
                                    total_change_cents: number;
                                } | {
                                    /** @enum {boolean} */
                                    feasible: false;
                                    reason: string;
                                };
                                violations: {
                                    [key: string]: unknown;
                                }[];
                            }[];
                            next_cursor: string | null;
                            /** @description SKUs breaking it, over every page. */
                            violating: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offer/coherence-report/apply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply the suggested prices (all, or of some SKUs) in one transaction, as coherence corrections */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Only these SKUs; every violating SKU when left out. */
                        skus?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description SKUs brought back within their policy. */
                            corrected: number;
                            infeasible: {
                                reason: string;
                                sku: string;
                            }[];
                            prices_changed: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offer/competitor-prices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Competitor prices observed, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Channel id or code. */
                    channel?: string;
                    /** @description next_cursor of the previous page. */
                    cursor?: string;
                    limit?: number;
                    sku?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                channel: string;
                                competitor: string;
                                id: string;
                                /** Format: date-time */
                                observed_at: string;
                                price_cents: number;
                                sku: string;
                                source: string;
                            }[];
                            /** @description Pass as cursor to get the next page; null on the last page. */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Record competitor prices seen by hand (a store visit, a comparison site)
         * @description All or nothing: an unknown SKU or channel answers 400 naming it (`observations/3/sku`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        observations: {
                            /** @description Channel id or code. */
                            channel: string;
                            competitor: string;
                            /** Format: date-time */
                            observed_at: string;
                            price_cents: number;
                            sku: string;
                            /** @description Where it was seen (URL, store visit…). */
                            source?: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            imported: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offer/competitor-prices/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import competitor prices from a CSV file (Content-Type: text/csv)
         * @description Header row with competitor, sku, channel (id or code), price (euros: 12.99 or 12,99), observed_at (2025-03-01 or an ISO date-time) and optionally source; comma or semicolon separated. All or nothing: the first bad row answers 400 with `details.row` (the header is row 1) and `details.column`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description The CSV file. */
            requestBody: {
                content: {
                    "application/json": string;
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            imported: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offer/costs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What SKUs cost, by SKU */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor of the previous page. */
                    cursor?: string;
                    limit?: number;
                    sku?: string[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                cost_cents: number;
                                sku: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                            /** @description Pass as cursor to get the next page; null on the last page. */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        /**
         * Set what SKUs cost (the base of the coherence floor), up to 5,000 at once
         * @description All or nothing: an unknown SKU answers 422 `unknown_sku` naming it (`costs/12/sku`).
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        costs: {
                            cost_cents: number;
                            sku: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            updated: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offer/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The coherence policies, per category */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                category: string;
                                competitor: {
                                    max_above_pct: number;
                                    window_days: number;
                                } | null;
                                /** @description e.g. web never dearer than stores. */
                                direction: {
                                    /** @description Channel (id or code) never dearer than… */
                                    cheaper: string;
                                    /** @description …this channel. */
                                    dearer: string;
                                }[];
                                /** @description Highest channel price at most this many cents above the lowest. Both spreads hold when both are set. */
                                max_spread_cents: number | null;
                                /** @description Highest channel price at most this % above the lowest (of the lower price). */
                                max_spread_pct: number | null;
                                /** @description Floor: never below cost × (1 + this %). SKUs without a cost have no floor. */
                                min_margin_pct: number | null;
                                /** @description Allowed endings in cents, e.g. [99, 95, 0] for x.99, x.95 and whole euros. */
                                price_endings: number[] | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offer/policies/{category}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The coherence policy of a category */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    category: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            category: string;
                            competitor: {
                                max_above_pct: number;
                                window_days: number;
                            } | null;
                            /** @description e.g. web never dearer than stores. */
                            direction: {
                                /** @description Channel (id or code) never dearer than… */
                                cheaper: string;
                                /** @description …this channel. */
                                dearer: string;
                            }[];
                            /** @description Highest channel price at most this many cents above the lowest. Both spreads hold when both are set. */
                            max_spread_cents: number | null;
                            /** @description Highest channel price at most this % above the lowest (of the lower price). */
                            max_spread_pct: number | null;
                            /** @description Floor: never below cost × (1 + this %). SKUs without a cost have no floor. */
                            min_margin_pct: number | null;
                            /** @description Allowed endings in cents, e.g. [99, 95, 0] for x.99, x.95 and whole euros. */
                            price_endings: number[] | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        /**
         * Set the coherence policy of a category: spread, direction, floor, price points, competitor threshold
         * @description Replaces the previous policy. Every rule left out or null is not checked.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    category: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A channel’s price at most max_above_pct above the cheapest competitor observed in that channel in the last window_days. */
                        competitor?: {
                            max_above_pct: number;
                            /** @description 30 when left out. */
                            window_days?: number;
                        } | null;
                        /** @description e.g. web never dearer than stores. */
                        direction?: {
                            /** @description Channel (id or code) never dearer than… */
                            cheaper: string;
                            /** @description …this channel. */
                            dearer: string;
                        }[];
                        /** @description Highest channel price at most this many cents above the lowest. Both spreads hold when both are set. */
                        max_spread_cents?: number | null;
                        /** @description Highest channel price at most this % above the lowest (of the lower price). */
                        max_spread_pct?: number | null;
                        /** @description Floor: never below cost × (1 + this %). SKUs without a cost have no floor. */
                        min_margin_pct?: number | null;
                        /** @description Allowed endings in cents, e.g. [99, 95, 0] for x.99, x.95 and whole euros. */
                        price_endings?: number[] | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            category: string;
                            competitor: {
                                max_above_pct: number;
                                window_days: number;
                            } | null;
                            /** @description e.g. web never dearer than stores. */
                            direction: {
                                /** @description Channel (id or code) never dearer than… */
                                cheaper: string;
                                /** @description …this channel. */
                                dearer: string;
                            }[];
                            /** @description Highest channel price at most this many cents above the lowest. Both spreads hold when both are set. */
                            max_spread_cents: number | null;
                            /** @description Highest channel price at most this % above the lowest (of the lower price). */
                            max_spread_pct: number | null;
                            /** @description Floor: never below cost × (1 + this %). SKUs without a cost have no floor. */
                            min_margin_pct: number | null;
                            /** @description Allowed endings in cents, e.g. [99, 95, 0] for x.99, x.95 and whole euros. */
                            price_endings: number[] | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        /** Stop policing the prices of a category */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    category: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offer/price-changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change prices now or from a future instant, guarded by the coherence policy
         * @description Each change names a price list (id or code), a SKU and its new price TTC. Changes of one SKU in several lists are checked together against the other channels’ prices in force at `valid_from`. A change that breaks its category’s policy is refused with 422 `price_incoherent` and `details.violations` (each rule with its channels and numbers), unless `force.reason` is given: the change is then kept in the history with its reason and the violations it carried. A future `valid_from` schedules the change; the sweeper makes it the current price when due.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Retrying a request with the same key returns the first result and creates nothing twice. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        changes: {
                            amount_cents: number;
                            price_list: string;
                            sku: string;
                        }[];
                        /** @description Accept breaking the policy, for this reason. */
                        force?: {
                            reason: string;
                        };
                        reason?: string;
                        /**
                         * Format: date-time
                         * @description Now when left out.
                         */
                        valid_from?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changes: {
                                /** @description Name of the API key that made the change. */
                                actor: string;
                                /**
                                 * Format: date-time
                                 * @description When it became the current price; null while scheduled.
                                 */
                                applied_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                                forced: boolean;
                                id: string;
                                /** @description manual, forced (breaking the policy) or coherence_correction. */
                                kind: string;
                                new_cents: number;
                                /** @description Price in force just before; null if none. */
                                old_cents: number | null;
                                price_list_id: string;
                                reason: string | null;
                                sku: string;
                                /** Format: date-time */
                                valid_from: string;
                                /** @description The rules a forced change broke, with their numbers. */
                                violations: {
                                    [key: string]: unknown;
                                }[];
                            }[];
                            forced: boolean;
                            violations: {
                                [key: string]: unknown;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offer/prices/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The prices of a SKU in force at an instant (now by default), per price list */
        get: {
            parameters: {
                query?: {
                    at?: string;
                };
                header?: never;
                path: {
                    sku: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            at: string;
                            prices: {
                                amount_cents: number;
                                change_id: string | null;
                                channels: string[];
                                price_list: string | null;
                                price_list_id: string;
                                /** Format: date-time */
                                since: string | null;
                            }[];
                            sku: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offer/prices/{sku}/explanation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Why a SKU costs what it costs in a channel: list, since when, previous price, policy, competitors */
        get: {
            parameters: {
                query: {
                    /** @description Channel id or code. */
                    channel: string;
                };
                header?: never;
                path: {
                    sku: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channel: {
                                code: string;
                                id: string;
                            };
                            channel_prices: {
                                channel: string;
                                price_cents: number;
                            }[];
                            cheapest_competitor: {
                                competitor: string;
                                /** Format: date-time */
                                observed_at: string;
                                price_cents: number;
                            } | null;
                            /** @description Whether the SKU’s current channel prices satisfy the policy. */
                            coherent: boolean;
                            last_change: {
                                [key: string]: unknown;
                            } | null;
                            next_change: {
                                new_cents: number;
                                /** Format: date-time */
                                valid_from: string;
                            } | null;
                            /** @description The category’s coherence policy; null if none. */
                            policy: {
                                [key: string]: unknown;
                            } | null;
                            /** @description The price before the change that set this one; null when set outside the history. */
                            previous_cents: number | null;
                            /** @description One unit bought alone, after the promotions that apply without a code. */
                            price_after_promotions_cents: number | null;
                            /** @description Null: not priced in this list. */
                            price_cents: number | null;
                            price_list: {
                                code: string;
                                id: string;
                            };
                            product: {
                                category: string;
                                code: string;
                                name: string;
                            };
                            /** @description Running promotions that target this product in this channel, in priority order. */
                            promotions: {
                                /** @description Applies now to one unit bought alone, without a code. */
                                applies: boolean;
                                /** @description Off one unit bought alone, in priority order. */
                                cents_off_one_unit: number;
                                code: string;
                                kind: string;
                                name: string;
                                priority: number;
                                stacking: string;
                                voucher_code: string | null;
                                /** @description Why it applies, or what it needs (a code, a basket, a date). */
                                why: string;
                            }[];
                            /** Format: date-time */
                            since: string | null;
                            sku: string;
                            violations: {
                                [key: string]: unknown;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offer/prices/{sku}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every price change of a SKU (who, when, why), newest first, scheduled ones included */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor of the previous page. */
                    cursor?: string;
                    limit?: number;
                    /** @description Id or code. */
                    price_list?: string;
                };
                header?: never;
                path: {
                    sku: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Name of the API key that made the change. */
                                actor: string;
                                /**
                                 * Format: date-time
                                 * @description When it became the current price; null while scheduled.
                                 */
                                applied_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                                forced: boolean;
                                id: string;
                                /** @description manual, forced (breaking the policy) or coherence_correction. */
                                kind: string;
                                new_cents: number;
                                /** @description Price in force just before; null if none. */
                                old_cents: number | null;
                                price_list_id: string;
                                reason: string | null;
                                sku: string;
                                /** Format: date-time */
                                valid_from: string;
                                /** @description The rules a forced change broke, with their numbers. */
                                violations: {
                                    [key: string]: unknown;
                                }[];
                            }[];
                            /** @description Pass as cursor to get the next page; null on the last page. */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offer/prices/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The prices in force of a basket’s SKUs in a channel, at an instant (now by default)
         * @description Answered from the price book held in memory by the server (prices and their history, read again when they change, within a second across servers): a web shop or till prices a basket in microseconds.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        at?: string;
                        /** @description Channel id or code. */
                        channel: string;
                        skus: string[];
                        /** @description Selling store (id or code): its cluster’s list, if any, comes first. */
                        store?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            at: string;
                            channel: string;
                            cluster_price_list_id: string | null;
                            price_list_id: string;
                            prices: {
                                change_id: string | null;
                                price_cents: number;
                                price_list_id: string;
                                /** Format: date-time */
                                since: string | null;
                                sku: string;
                            }[];
                            /** @description SKUs without a price in this channel then. */
                            unpriced: string[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offer/products/{product}/assortment-strategy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Give a product another strategy than its category’s (null: back to the category’s) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Id or code. */
                    product: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        strategy: ("selective" | "cross_channel") | (never | null);
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            product_id: string;
                            strategy: ("selective" | "cross_channel") | (never | null);
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List orders, newest first (a store sees its own, a channel key its channel’s) */
        get: {
            parameters: {
                query?: {
                    /** @description Channel id or code. */
                    channel_id?: string;
                    created_from?: string;
                    created_to?: string;
                    /** @description next_cursor of the previous page. */
                    cursor?: string;
                    customer_id?: string;
                    limit?: number;
                    /** @description Sold at, served from or collected at (id or code). */
                    location_id?: string;
                    number?: number;
                    status?: "draft" | "placed" | "partially_fulfilled" | "fulfilled" | "completed" | "cancelled" | "expired";
                };
                header?: {
                    /** @description Channel keys: the login of the customer logged in on the channel (linked with POST /customers/{id}/channel-accounts). A channel key sees that customer only. */
                    "x-customer-login"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                balance_due_cents: number;
                                channel: {
                                    code: string;
                                    id: string;
                                };
                                /** Format: date-time */
                                created_at: string;
                                currency: string;
                                customer_id: string | null;
                                delivery_address: {
                                    city: string;
                                    country: string;
                                    lat?: number;
                                    line1: string;
                                    lon?: number;
                                    name: string;
                                    postcode: string;
                                } | null;
                                /** Format: date-time */
                                draft_expires_at: string | null;
                                events?: {
                                    actor: string | null;
                                    /** Format: date-time */
                                    at: string;
                                    from_status: string | null;
                                    to_status: string | null;
                                    type: string;
                                }[];
                                id: string;
                                lines: {
                                    cancelled_quantity: number;
                                    discount_cents: number;
                                    fulfilled_quantity: number;
                                    /** @enum {unknown} */
                                    fulfilment: "takeaway" | "delivery" | "pickup" | "reserve";
                                    id: string;
                                    line_no: number;
                                    pickup_location_id: string | null;
                                    product_name: string;
                                    /** @description The promotions in discount_cents: a return of some units refunds their share of the line. */
                                    promotions: {
                                        /** @description What this promotion took off this line. */
                                        cents: number;
                                        code: string;
                                        name: string;
                                        promotion_id: string;
                                    }[];
                                    quantity: number;
                                    /** @description Units in a return, awaiting receipt or received. */
                                    returned_quantity: number;
                                    sku: string;
                                    source_location_id: string;
                                    total_cents: number;
                                    unit_price_cents: number;
                                    vat_cents: number;
                                    /** @description Percent, e.g. 20 or 5.5. */
                                    vat_rate: number;
                                }[];
                                /** @description Human-readable order number, printed on receipts. */
                                number: string;
                                paid_cents: number;
                                payments: {
                                    amount_cents: number;
                                    change_due_cents: number | null;
                                    id: string;
                                    /** @enum {unknown} */
                                    kind: "capture" | "refund";
                                    /** @enum {unknown} */
                                    method: "card" | "cash" | "gift_card" | "store_credit" | "voucher" | "loyalty_points" | "partner";
                                    reference: string | null;
                                    tendered_cents: number | null;
                                }[];
                                /** @description Given by the customer at collection (pickup, reserve & collect); hidden from store keys. */
                                pickup_code: string | null;
                                /** @description Goods brought to the pickup store because it does not hold them; the collect task gives the later promise. */
                                pickup_routing: {
                                    explanation: string[];
                                    /** @description Units already on their way to the store, kept for this order. */
                                    incoming?: {
                                        /** Format: date-time */
                                        expected_at: string;
                                        line_no: number;
                                        quantity: number;
                                        sku: string;
                                        transfer_id: string;
                                    }[];
                                    transfers: {
                                        code: string;
                                        distance_km: number;
                                        from_location_id: string;
                                        kind: string;
                                        lines: {
                                            line_no: number;
                                            quantity: number;
                                            sku: string;
                                        }[];
                                        name: string;
                                        to_location_id: string;
                                    }[];
                                } | null;
                                /** Format: date-time */
                                placed_at: string | null;
                                /** @description Promotions the order uses, applied by priority when it was placed. */
                                promotions: {
                                    code: string;
                                    discount_cents: number;
                                    name: string;
                                    promotion_id: string;
                                }[];
                                /** @description EAN-13 printed on the receipt (29 + order number): scanned at any till to find the purchase. */
                                receipt_barcode: string;
                                refunded_cents: number;
                                /** @description Where the delivery lines ship from and why. */
                                routing: {
                                    destination: {
                                        lat: number;
                                        lon: number;
                                        /** @description address, postcode or department */
                                        precision: string;
                                    };
                                    excluded: {
                                        code: string;
                                        name: string;
                                        reason: string;
                                    }[];
                                    /** @description Why these locations, in plain language. */
                                    explanation: string[];
                                    /** @description True when the allocation is proven the cheapest. */
                                    optimal: boolean;
                                    shipments: {
                                        code: string;
                                        cost: {
                                            [key: string]: number;
                                        };
                                        distance_km: number;
                                        kind: string;
                                        lines: {
                                            line_no: number;
                                            quantity: number;
                                            sku: string;
                                        }[];
                                        location_id: string;
                                        name: string;
                                    }[];
                                    /** @description What the shipments cost the retailer. */
                                    total_cost_cents: number;
                                } | null;
                                /** @enum {unknown} */
                                status: "draft" | "placed" | "partially_fulfilled" | "fulfilled" | "completed" | "cancelled" | "expired";
                                store_id: string | null;
                                /** @description Preparation work in locations. */
                                tasks?: {
                                    id: string;
                                    /** @description ship: a parcel to the customer; collect: handed over in the store. */
                                    kind: string;
                                    lines: {
                                        order_line_id: string;
                                        quantity: number;
                                        /** @description Units not found or damaged here, moved or cancelled. */
                                        rejected_quantity: number;
                                        sku: string;
                                    }[];
                                    location_id: string;
                                    /** Format: date-time */
                                    promised_at: string;
                                    status: string;
                                }[];
                                /** @description VAT included. */
                                total_cents: number;
                                /** Format: date-time */
                                updated_at: string;
                                vat_breakdown: {
                                    base_incl_cents: number;
                                    rate: number;
                                    vat_cents: number;
                                }[];
                                vat_cents: number;
                            }[];
                            /** @description Pass as cursor to get the next page; null on the last page. */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Place an order in any channel (till sale, web, phone, click & collect, reserve & collect)
         * @description Reserves or sells all the stock at once or fails as a whole (409 insufficient_stock names the SKU, location and what was available). Payments must equal what is due now: every line except reserve & collect, paid at collection. A draft holds its stock for hold_minutes and is confirmed with payment.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Retrying a request with the same key returns the first result and creates nothing twice. */
                    "idempotency-key"?: string;
                    /** @description Channel keys: the login of the customer logged in on the channel (linked with POST /customers/{id}/channel-accounts). A channel key sees that customer only. */
                    "x-customer-login"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Channel id or code. */
                        channel: string;
                        /** @description Customer; omit for an anonymous till sale. */
                        customer_id?: string;
                        delivery_address?: {
                            city: string;
                            country: string;
                            lat?: number;
                            line1: string;
                            lon?: number;
                            name: string;
                            postcode: string;
                        };
                        /** @description Hold the stock for a short time (checkout, phone order); confirm with payment. */
                        draft?: boolean;
                        hold_minutes?: number;
                        lines: {
                            /** @description Manual line discount (staff only). */
                            discount_cents?: number;
                            /** @enum {unknown} */
                            fulfilment: "takeaway" | "delivery" | "pickup" | "reserve";
                            /** @description Store where the customer collects (pickup, reserve), id or code. */
                            pickup_location_id?: string;
                            quantity: number;
                            sku: string;
                        }[];
                        payments?: {
                            amount_cents: number;
                            /** @enum {unknown} */
                            method: "card" | "cash" | "gift_card" | "store_credit" | "voucher" | "loyalty_points";
                            /** @description Card authorisation; for gift_card, store_credit and voucher the code to spend (required). */
                            reference?: string;
                            /** @description Cash handed over; change is given back. */
                            tendered_cents?: number;
                        }[];
                        /** @description Voucher codes the customer gives; promotions without a code apply by themselves. */
                        promotion_codes?: string[];
                        /** @description Selling store, id or code (defaults to the store of a store_staff key). */
                        store_id?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            balance_due_cents: number;
                            channel: {
                                code: string;
                                id: string;
                            };
                            /** Format: date-time */
                            created_at: string;
                            currency: string;
                            customer_id: string | null;
                            delivery_address: {
                                city: string;
                                country: string;
                                lat?: number;
                                line1: string;
                                lon?: number;
                                name: string;
                                postcode: string;
                            } | null;
                            /** Format: date-time */
                            draft_expires_at: string | null;
                            events?: {
                                actor: string | null;
                                /** Format: date-time */
                                at: string;
                                from_status: string | null;
                                to_status: string | null;
                                type: string;
                            }[];
                            id: string;
                            lines: {
                                cancelled_quantity: number;
                                discount_cents: number;
                                fulfilled_quantity: number;
                                /** @enum {unknown} */
                                fulfilment: "takeaway" | "delivery" | "pickup" | "reserve";
                                id: string;
                                line_no: number;
                                pickup_location_id: string | null;
                                product_name: string;
                                /** @description The promotions in discount_cents: a return of some units refunds their share of the line. */
                                promotions: {
                                    /** @description What this promotion took off this line. */
                                    cents: number;
                                    code: string;
                                    name: string;
                                    promotion_id: string;
                                }[];
                                quantity: number;
                                /** @description Units in a return, awaiting receipt or received. */
                                returned_quantity: number;
                                sku: string;
                                source_location_id: string;
                                total_cents: number;
                                unit_price_cents: number;
                                vat_cents: number;
                                /** @description Percent, e.g. 20 or 5.5. */
                                vat_rate: number;
                            }[];
                            /** @description Human-readable order number, printed on receipts. */
                            number: string;
                            paid_cents: number;
                            payments: {
                                amount_cents: number;
                                change_due_cents: number | null;
                                id: string;
                                /** @enum {unknown} */
                                kind: "capture" | "refund";
                                /** @enum {unknown} */
                                method: "card" | "cash" | "gift_card" | "store_credit" | "voucher" | "loyalty_points" | "partner";
                                reference: string | null;
                                tendered_cents: number | null;
                            }[];
                            /** @description Given by the customer at collection (pickup, reserve & collect); hidden from store keys. */
                            pickup_code: string | null;
                            /** @description Goods brought to the pickup store because it does not hold them; the collect task gives the later promise. */
                            pickup_routing: {
                                explanation: string[];
                                /** @description Units already on their way to the store, kept for this order. */
                                incoming?: {
                                    /** Format: date-time */
                                    expected_at: string;
                                    line_no: number;
                                    quantity: number;
                                    sku: string;
                                    transfer_id: string;
                                }[];
                                transfers: {
                                    code: string;
                                    distance_km: number;
                                    from_location_id: string;
                                    kind: string;
                                    lines: {
                                        line_no: number;
                                        quantity: number;
                                        sku: string;
                                    }[];
                                    name: string;
                                    to_location_id: string;
                                }[];
                            } | null;
                            /** Format: date-time */
                            placed_at: string | null;
                            /** @description Promotions the order uses, applied by priority when it was placed. */
                            promotions: {
                                code: string;
                                discount_cents: number;
                                name: string;
                                promotion_id: string;
                            }[];
                            /** @description EAN-13 printed on the receipt (29 + order number): scanned at any till to find the purchase. */
                            receipt_barcode: string;
                            refunded_cents: number;
                            /** @description Where the delivery lines ship from and why. */
                            routing: {
                                destination: {
                                    lat: number;
                                    lon: number;
                                    /** @description address, postcode or department */
                                    precision: string;
                                };
                                excluded: {
                                    code: string;
                                    name: string;
                                    reason: string;
                                }[];
                                /** @description Why these locations, in plain language. */
                                explanation: string[];
                                /** @description True when the allocation is proven the cheapest. */
                                optimal: boolean;
                                shipments: {
                                    code: string;
                                    cost: {
                                        [key: string]: number;
                                    };
                                    distance_km: number;
                                    kind: string;
                                    lines: {
                                        line_no: number;
                                        quantity: number;
                                        sku: string;
                                    }[];
                                    location_id: string;
                                    name: string;
                                }[];
                                /** @description What the shipments cost the retailer. */
                                total_cost_cents: number;
                            } | null;
                            /** @enum {unknown} */
                            status: "draft" | "placed" | "partially_fulfilled" | "fulfilled" | "completed" | "cancelled" | "expired";
                            store_id: string | null;
                            /** @description Preparation work in locations. */
                            tasks?: {
                                id: string;
                                /** @description ship: a parcel to the customer; collect: handed over in the store. */
                                kind: string;
                                lines: {
                                    order_line_id: string;
                                    quantity: number;
                                    /** @description Units not found or damaged here, moved or cancelled. */
                                    rejected_quantity: number;
                                    sku: string;
                                }[];
                                location_id: string;
                                /** Format: date-time */
                                promised_at: string;
                                status: string;
                            }[];
                            /** @description VAT included. */
                            total_cents: number;
                            /** Format: date-time */
                            updated_at: string;
                            vat_breakdown: {
                                base_incl_cents: number;
                                rate: number;
                                vat_cents: number;
                            }[];
                            vat_cents: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An order with its lines, payments and every status change */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Order id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            balance_due_cents: number;
                            channel: {
                                code: string;
                                id: string;
                            };
                            /** Format: date-time */
                            created_at: string;
                            currency: string;
                            customer_id: string | null;
                            delivery_address: {
                                city: string;
                                country: string;
                                lat?: number;
                                line1: string;
                                lon?: number;
                                name: string;
                                postcode: string;
                            } | null;
                            /** Format: date-time */
                            draft_expires_at: string | null;
                            events?: {
                                actor: string | null;
                                /** Format: date-time */
                                at: string;
                                from_status: string | null;
                                to_status: string | null;
                                type: string;
                            }[];
                            id: string;
                            lines: {
                                cancelled_quantity: number;
                                discount_cents: number;
                                fulfilled_quantity: number;
                                /** @enum {unknown} */
                                fulfilment: "takeaway" | "delivery" | "pickup" | "reserve";
                                id: string;
                                line_no: number;
                                pickup_location_id: string | null;
                                product_name: string;
                                /** @description The promotions in discount_cents: a return of some units refunds their share of the line. */
                                promotions: {
                                    /** @description What this promotion took off this line. */
                                    cents: number;
                                    code: string;
                                    name: string;
                                    promotion_id: string;
                                }[];
                                quantity: number;
                                /** @description Units in a return, awaiting receipt or received. */
                                returned_quantity: number;
                                sku: string;
                                source_location_id: string;
                                total_cents: number;
                                unit_price_cents: number;
                                vat_cents: number;
                                /** @description Percent, e.g. 20 or 5.5. */
                                vat_rate: number;
                            }[];
                            /** @description Human-readable order number, printed on receipts. */
                            number: string;
                            paid_cents: number;
                            payments: {
                                amount_cents: number;
                                change_due_cents: number | null;
                                id: string;
                                /** @enum {unknown} */
                                kind: "capture" | "refund";
                                /** @enum {unknown} */
                                method: "card" | "cash" | "gift_card" | "store_credit" | "voucher" | "loyalty_points" | "partner";
                                reference: string | null;
                                tendered_cents: number | null;
                            }[];
                            /** @description Given by the customer at collection (pickup, reserve & collect); hidden from store keys. */
                            pickup_code: string | null;
                            /** @description Goods brought to the pickup store because it does not hold them; the collect task gives the later promise. */
                            pickup_routing: {
                                explanation: string[];
                                /** @description Units already on their way to the store, kept for this order. */
                                incoming?: {
                                    /** Format: date-time */
                                    expected_at: string;
                                    line_no: number;
                                    quantity: number;
                                    sku: string;
                                    transfer_id: string;
                                }[];
                                transfers: {
                                    code: string;
                                    distance_km: number;
                                    from_location_id: string;
                                    kind: string;
                                    lines: {
                                        line_no: number;
                                        quantity: number;
                                        sku: string;
                                    }[];
                                    name: string;
                                    to_location_id: string;
                                }[];
                            } | null;
                            /** Format: date-time */
                            placed_at: string | null;
                            /** @description Promotions the order uses, applied by priority when it was placed. */
                            promotions: {
                                code: string;
                                discount_cents: number;
                                name: string;
                                promotion_id: string;
                            }[];
                            /** @description EAN-13 printed on the receipt (29 + order number): scanned at any till to find the purchase. */
                            receipt_barcode: string;
                            refunded_cents: number;
                            /** @description Where the delivery lines ship from and why. */
                            routing: {
                                destination: {
                                    lat: number;
                                    lon: number;
                                    /** @description address, postcode or department */
                                    precision: string;
                                };
                                excluded: {
                                    code: string;
                                    name: string;
                                    reason: string;
                                }[];
                                /** @description Why these locations, in plain language. */
                                explanation: string[];
                                /** @description True when the allocation is proven the cheapest. */
                                optimal: boolean;
                                shipments: {
                                    code: string;
                                    cost: {
                                        [key: string]: number;
                                    };
                                    distance_km: number;
                                    kind: string;
                                    lines: {
                                        line_no: number;
                                        quantity: number;
                                        sku: string;
                                    }[];
                                    location_id: string;
                                    name: string;
                                }[];
                                /** @description What the shipments cost the retailer. */
                                total_cost_cents: number;
                            } | null;
                            /** @enum {unknown} */
                            status: "draft" | "placed" | "partially_fulfilled" | "fulfilled" | "completed" | "cancelled" | "expired";
                            store_id: string | null;
                            /** @description Preparation work in locations. */
                            tasks?: {
                                id: string;
                                /** @description ship: a parcel to the customer; collect: handed over in the store. */
                                kind: string;
                                lines: {
                                    order_line_id: string;
                                    quantity: number;
                                    /** @description Units not found or damaged here, moved or cancelled. */
                                    rejected_quantity: number;
                                    sku: string;
                                }[];
                                location_id: string;
                                /** Format: date-time */
                                promised_at: string;
                                status: string;
                            }[];
                            /** @description VAT included. */
                            total_cents: number;
                            /** Format: date-time */
                            updated_at: string;
                            vat_breakdown: {
                                base_incl_cents: number;
                                rate: number;
                                vat_cents: number;
                            }[];
                            vat_cents: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel an order before anything left the stock: releases its stock and refunds its payments */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Order id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            balance_due_cents: number;
                            channel: {
                                code: string;
                                id: string;
                            };
                            /** Format: date-time */
                            created_at: string;
                            currency: string;
                            customer_id: string | null;
                            delivery_address: {
                                city: string;
                                country: string;
                                lat?: number;
                                line1: string;
                                lon?: number;
                                name: string;
                                postcode: string;
                            } | null;
                            /** Format: date-time */
                            draft_expires_at: string | null;
                            events?: {
                                actor: string | null;
                                /** Format: date-time */
                                at: string;
                                from_status: string | null;
                                to_status: string | null;
                                type: string;
                            }[];
                            id: string;
                            lines: {
                                cancelled_quantity: number;
                                discount_cents: number;
                                fulfilled_quantity: number;
                                /** @enum {unknown} */
                                fulfilment: "takeaway" | "delivery" | "pickup" | "reserve";
                                id: string;
                                line_no: number;
                                pickup_location_id: string | null;
                                product_name: string;
                                /** @description The promotions in discount_cents: a return of some units refunds their share of the line. */
                                promotions: {
                                    /** @description What this promotion took off this line. */
                                    cents: number;
                                    code: string;
                                    name: string;
                                    promotion_id: string;
                                }[];
                                quantity: number;
                                /** @description Units in a return, awaiting receipt or received. */
                                returned_quantity: number;
                                sku: string;
                                source_location_id: string;
                                total_cents: number;
                                unit_price_cents: number;
                                vat_cents: number;
                                /** @description Percent, e.g. 20 or 5.5. */
                                vat_rate: number;
                            }[];
                            /** @description Human-readable order number, printed on receipts. */
                            number: string;
                            paid_cents: number;
                            payments: {
                                amount_cents: number;
                                change_due_cents: number | null;
                                id: string;
                                /** @enum {unknown} */
                                kind: "capture" | "refund";
                                /** @enum {unknown} */
                                method: "card" | "cash" | "gift_card" | "store_credit" | "voucher" | "loyalty_points" | "partner";
                                reference: string | null;
                                tendered_cents: number | null;
                            }[];
                            /** @description Given by the customer at collection (pickup, reserve & collect); hidden from store keys. */
                            pickup_code: string | null;
                            /** @description Goods brought to the pickup store because it does not hold them; the collect task gives the later promise. */
                            pickup_routing: {
                                explanation: string[];
                                /** @description Units already on their way to the store, kept for this order. */
                                incoming?: {
                                    /** Format: date-time */
                                    expected_at: string;
                                    line_no: number;
                                    quantity: number;
                                    sku: string;
                                    transfer_id: string;
                                }[];
                                transfers: {
                                    code: string;
                                    distance_km: number;
                                    from_location_id: string;
                                    kind: string;
                                    lines: {
                                        line_no: number;
                                        quantity: number;
                                        sku: string;
                                    }[];
                                    name: string;
                                    to_location_id: string;
                                }[];
                            } | null;
                            /** Format: date-time */
                            placed_at: string | null;
                            /** @description Promotions the order uses, applied by priority when it was placed. */
                            promotions: {
                                code: string;
                                discount_cents: number;
                                name: string;
                                promotion_id: string;
                            }[];
                            /** @description EAN-13 printed on the receipt (29 + order number): scanned at any till to find the purchase. */
                            receipt_barcode: string;
                            refunded_cents: number;
                            /** @description Where the delivery lines ship from and why. */
                            routing: {
                                destination: {
                                    lat: number;
                                    lon: number;
                                    /** @description address, postcode or department */
                                    precision: string;
                                };
                                excluded: {
                                    code: string;
                                    name: string;
                                    reason: string;
                                }[];
                                /** @description Why these locations, in plain language. */
                                explanation: string[];
                                /** @description True when the allocation is proven the cheapest. */
                                optimal: boolean;
                                shipments: {
                                    code: string;
                                    cost: {
                                        [key: string]: number;
                                    };
                                    distance_km: number;
                                    kind: string;
                                    lines: {
                                        line_no: number;
                                        quantity: number;
                                        sku: string;
                                    }[];
                                    location_id: string;
                                    name: string;
                                }[];
                                /** @description What the shipments cost the retailer. */
                                total_cost_cents: number;
                            } | null;
                            /** @enum {unknown} */
                            status: "draft" | "placed" | "partially_fulfilled" | "fulfilled" | "completed" | "cancelled" | "expired";
                            store_id: string | null;
                            /** @description Preparation work in locations. */
                            tasks?: {
                                id: string;
                                /** @description ship: a parcel to the customer; collect: handed over in the store. */
                                kind: string;
                                lines: {
                                    order_line_id: string;
                                    quantity: number;
                                    /** @description Units not found or damaged here, moved or cancelled. */
                                    rejected_quantity: number;
                                    sku: string;
                                }[];
                                location_id: string;
                                /** Format: date-time */
                                promised_at: string;
                                status: string;
                            }[];
                            /** @description VAT included. */
                            total_cents: number;
                            /** Format: date-time */
                            updated_at: string;
                            vat_breakdown: {
                                base_incl_cents: number;
                                rate: number;
                                vat_cents: number;
                            }[];
                            vat_cents: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a fulfilled order (e.g. the parcel was delivered) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Order id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            balance_due_cents: number;
                            channel: {
                                code: string;
                                id: string;
                            };
                            /** Format: date-time */
                            created_at: string;
                            currency: string;
                            customer_id: string | null;
                            delivery_address: {
                                city: string;
                                country: string;
                                lat?: number;
                                line1: string;
                                lon?: number;
                                name: string;
                                postcode: string;
                            } | null;
                            /** Format: date-time */
                            draft_expires_at: string | null;
                            events?: {
                                actor: string | null;
                                /** Format: date-time */
                                at: string;
                                from_status: string | null;
                                to_status: string | null;
                                type: string;
                            }[];
                            id: string;
                            lines: {
                                cancelled_quantity: number;
                                discount_cents: number;
                                fulfilled_quantity: number;
                                /** @enum {unknown} */
                                fulfilment: "takeaway" | "delivery" | "pickup" | "reserve";
                                id: string;
                                line_no: number;
                                pickup_location_id: string | null;
                                product_name: string;
                                /** @description The promotions in discount_cents: a return of some units refunds their share of the line. */
                                promotions: {
                                    /** @description What this promotion took off this line. */
                                    cents: number;
                                    code: string;
                                    name: string;
                                    promotion_id: string;
                                }[];
                                quantity: number;
                                /** @description Units in a return, awaiting receipt or received. */
                                returned_quantity: number;
                                sku: string;
                                source_location_id: string;
                                total_cents: number;
                                unit_price_cents: number;
                                vat_cents: number;
                                /** @description Percent, e.g. 20 or 5.5. */
                                vat_rate: number;
                            }[];
                            /** @description Human-readable order number, printed on receipts. */
                            number: string;
                            paid_cents: number;
                            payments: {
                                amount_cents: number;
                                change_due_cents: number | null;
                                id: string;
                                /** @enum {unknown} */
                                kind: "capture" | "refund";
                                /** @enum {unknown} */
                                method: "card" | "cash" | "gift_card" | "store_credit" | "voucher" | "loyalty_points" | "partner";
                                reference: string | null;
                                tendered_cents: number | null;
                            }[];
                            /** @description Given by the customer at collection (pickup, reserve & collect); hidden from store keys. */
                            pickup_code: string | null;
                            /** @description Goods brought to the pickup store because it does not hold them; the collect task gives the later promise. */
                            pickup_routing: {
                                explanation: string[];
                                /** @description Units already on their way to the store, kept for this order. */
                                incoming?: {
                                    /** Format: date-time */
                                    expected_at: string;
                                    line_no: number;
                                    quantity: number;
                                    sku: string;
                                    transfer_id: string;
                                }[];
                                transfers: {
                                    code: string;
                                    distance_km: number;
                                    from_location_id: string;
                                    kind: string;
                                    lines: {
                                        line_no: number;
                                        quantity: number;
                                        sku: string;
                                    }[];
                                    name: string;
                                    to_location_id: string;
                                }[];
                            } | null;
                            /** Format: date-time */
                            placed_at: string | null;
                            /** @description Promotions the order uses, applied by priority when it was placed. */
                            promotions: {
                                code: string;
                                discount_cents: number;
                                name: string;
                                promotion_id: string;
                            }[];
                            /** @description EAN-13 printed on the receipt (29 + order number): scanned at any till to find the purchase. */
                            receipt_barcode: string;
                            refunded_cents: number;
                            /** @description Where the delivery lines ship from and why. */
                            routing: {
                                destination: {
                                    lat: number;
                                    lon: number;
                                    /** @description address, postcode or department */
                                    precision: string;
                                };
                                excluded: {
                                    code: string;
                                    name: string;
                                    reason: string;
                                }[];
                                /** @description Why these locations, in plain language. */
                                explanation: string[];
                                /** @description True when the allocation is proven the cheapest. */
                                optimal: boolean;
                                shipments: {
                                    code: string;
                                    cost: {
                                        [key: string]: number;
                                    };
                                    distance_km: number;
                                    kind: string;
                                    lines: {
                                        line_no: number;
                                        quantity: number;
                                        sku: string;
                                    }[];
                                    location_id: string;
                                    name: string;
                                }[];
                                /** @description What the shipments cost the retailer. */
                                total_cost_cents: number;
                            } | null;
                            /** @enum {unknown} */
                            status: "draft" | "placed" | "partially_fulfilled" | "fulfilled" | "completed" | "cancelled" | "expired";
                            store_id: string | null;
                            /** @description Preparation work in locations. */
                            tasks?: {
                                id: string;
                                /** @description ship: a parcel to the customer; collect: handed over in the store. */
                                kind: string;
                                lines: {
                                    order_line_id: string;
                                    quantity: number;
                                    /** @description Units not found or damaged here, moved or cancelled. */
                                    rejected_quantity: number;
                                    sku: string;
                                }[];
                                location_id: string;
                                /** Format: date-time */
                                promised_at: string;
                                status: string;
                            }[];
                            /** @description VAT included. */
                            total_cents: number;
                            /** Format: date-time */
                            updated_at: string;
                            vat_breakdown: {
                                base_incl_cents: number;
                                rate: number;
                                vat_cents: number;
                            }[];
                            vat_cents: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a draft with its payment; its stock stays held until fulfilment */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Order id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        payments: {
                            amount_cents: number;
                            /** @enum {unknown} */
                            method: "card" | "cash" | "gift_card" | "store_credit" | "voucher" | "loyalty_points";
                            /** @description Card authorisation; for gift_card, store_credit and voucher the code to spend (required). */
                            reference?: string;
                            /** @description Cash handed over; change is given back. */
                            tendered_cents?: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            balance_due_cents: number;
                            channel: {
                                code: string;
                                id: string;
                            };
                            /** Format: date-time */
                            created_at: string;
                            currency: string;
                            customer_id: string | null;
                            delivery_address: {
                                city: string;
                                country: string;
                                lat?: number;
                                line1: string;
                                lon?: number;
                                name: string;
                                postcode: string;
                            } | null;
                            /** Format: date-time */
                            draft_expires_at: string | null;
                            events?: {
                                actor: string | null;
                                /** Format: date-time */
                                at: string;
                                from_status: string | null;
                                to_status: string | null;
                                type: string;
                            }[];
                            id: string;
                            lines: {
                                cancelled_quantity: number;
                                discount_cents: number;
                                fulfilled_quantity: number;
                                /** @enum {unknown} */
                                fulfilment: "takeaway" | "delivery" | "pickup" | "reserve";
                                id: string;
                                line_no: number;
                                pickup_location_id: string | null;
                                product_name: string;
                                /** @description The promotions in discount_cents: a return of some units refunds their share of the line. */
                                promotions: {
                                    /** @description What this promotion took off this line. */
                                    cents: number;
                                    code: string;
                                    name: string;
                                    promotion_id: string;
                                }[];
                                quantity: number;
                                /** @description Units in a return, awaiting receipt or received. */
                                returned_quantity: number;
                                sku: string;
                                source_location_id: string;
                                total_cents: number;
                                unit_price_cents: number;
                                vat_cents: number;
                                /** @description Percent, e.g. 20 or 5.5. */
                                vat_rate: number;
                            }[];
                            /** @description Human-readable order number, printed on receipts. */
                            number: string;
                            paid_cents: number;
                            payments: {
                                amount_cents: number;
                                change_due_cents: number | null;
                                id: string;
                                /** @enum {unknown} */
                                kind: "capture" | "refund";
                                /** @enum {unknown} */
                                method: "card" | "cash" | "gift_card" | "store_credit" | "voucher" | "loyalty_points" | "partner";
                                reference: string | null;
                                tendered_cents: number | null;
                            }[];
                            /** @description Given by the customer at collection (pickup, reserve & collect); hidden from store keys. */
                            pickup_code: string | null;
                            /** @description Goods brought to the pickup store because it does not hold them; the collect task gives the later promise. */
                            pickup_routing: {
                                explanation: string[];
                                /** @description Units already on their way to the store, kept for this order. */
                                incoming?: {
                                    /** Format: date-time */
                                    expected_at: string;
                                    line_no: number;
                                    quantity: number;
                                    sku: string;
                                    transfer_id: string;
                                }[];
                                transfers: {
                                    code: string;
                                    distance_km: number;
                                    from_location_id: string;
                                    kind: string;
                                    lines: {
                                        line_no: number;
                                        quantity: number;
                                        sku: string;
                                    }[];
                                    name: string;
                                    to_location_id: string;
                                }[];
                            } | null;
                            /** Format: date-time */
                            placed_at: string | null;
                            /** @description Promotions the order uses, applied by priority when it was placed. */
                            promotions: {
                                code: string;
                                discount_cents: number;
                                name: string;
                                promotion_id: string;
                            }[];
                            /** @description EAN-13 printed on the receipt (29 + order number): scanned at any till to find the purchase. */
                            receipt_barcode: string;
                            refunded_cents: number;
                            /** @description Where the delivery lines ship from and why. */
                            routing: {
                                destination: {
                                    lat: number;
                                    lon: number;
                                    /** @description address, postcode or department */
                                    precision: string;
                                };
                                excluded: {
                                    code: string;
                                    name: string;
                                    reason: string;
                                }[];
                                /** @description Why these locations, in plain language. */
                                explanation: string[];
                                /** @description True when the allocation is proven the cheapest. */
                                optimal: boolean;
                                shipments: {
                                    code: string;
                                    cost: {
                                        [key: string]: number;
                                    };
                                    distance_km: number;
                                    kind: string;
                                    lines: {
                                        line_no: number;
                                        quantity: number;
                                        sku: string;
                                    }[];
                                    location_id: string;
                                    name: string;
                                }[];
                                /** @description What the shipments cost the retailer. */
                                total_cost_cents: number;
                            } | null;
                            /** @enum {unknown} */
                            status: "draft" | "placed" | "partially_fulfilled" | "fulfilled" | "completed" | "cancelled" | "expired";
                            store_id: string | null;
                            /** @description Preparation work in locations. */
                            tasks?: {
                                id: string;
                                /** @description ship: a parcel to the customer; collect: handed over in the store. */
                                kind: string;
                                lines: {
                                    order_line_id: string;
                                    quantity: number;
                                    /** @description Units not found or damaged here, moved or cancelled. */
                                    rejected_quantity: number;
                                    sku: string;
                                }[];
                                location_id: string;
                                /** Format: date-time */
                                promised_at: string;
                                status: string;
                            }[];
                            /** @description VAT included. */
                            total_cents: number;
                            /** Format: date-time */
                            updated_at: string;
                            vat_breakdown: {
                                base_incl_cents: number;
                                rate: number;
                                vat_cents: number;
                            }[];
                            vat_cents: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/customer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attach a customer to a sale made without one (card scanned or phone given later) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Order id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        card?: string;
                        /** @description Customer id */
                        customer_id?: string;
                        email?: string;
                        phone?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            address_line: string;
                            city: string;
                            /** @description ISO 3166-1 alpha-2. */
                            country: string;
                            /** Format: date-time */
                            created_at: string;
                            /** @description Lower-cased; unique across channels. */
                            email: string | null;
                            first_name: string;
                            id: string;
                            last_name: string;
                            /** @description Digits only; unique across channels. */
                            loyalty_card: string | null;
                            /** @description E.164, e.g. +33612345678; unique across channels. */
                            phone: string | null;
                            postcode: string;
                            /** @description Channel where the customer was first created. */
                            source_channel_id: string | null;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/fulfil": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hand over or ship lines: stock leaves the location (reserve & collect is paid here) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Order id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        lines: {
                            /** @description Order line */
                            line_id: string;
                            quantity: number;
                        }[];
                        payments?: {
                            amount_cents: number;
                            /** @enum {unknown} */
                            method: "card" | "cash" | "gift_card" | "store_credit" | "voucher" | "loyalty_points";
                            /** @description Card authorisation; for gift_card, store_credit and voucher the code to spend (required). */
                            reference?: string;
                            /** @description Cash handed over; change is given back. */
                            tendered_cents?: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            balance_due_cents: number;
                            channel: {
                                code: string;
                                id: string;
                            };
                            /** Format: date-time */
                            created_at: string;
                            currency: string;
                            customer_id: string | null;
                            delivery_address: {
                                city: string;
                                country: string;
                                lat?: number;
                                line1: string;
                                lon?: number;
                                name: string;
                                postcode: string;
                            } | null;
                            /** Format: date-time */
                            draft_expires_at: string | null;
                            events?: {
                                actor: string | null;
                                /** Format: date-time */
                                at: string;
                                from_status: string | null;
                                to_status: string | null;
                                type: string;
                            }[];
                            id: string;
                            lines: {
                                cancelled_quantity: number;
                                discount_cents: number;
                                fulfilled_quantity: number;
                                /** @enum {unknown} */
                                fulfilment: "takeaway" | "delivery" | "pickup" | "reserve";
                                id: string;
                                line_no: number;
                                pickup_location_id: string | null;
                                product_name: string;
                                /** @description The promotions in discount_cents: a return of some units refunds their share of the line. */
                                promotions: {
                                    /** @description What this promotion took off this line. */
                                    cents: number;
                                    code: string;
                                    name: string;
                                    promotion_id: string;
                                }[];
                                quantity: number;
                                /** @description Units in a return, awaiting receipt or received. */
                                returned_quantity: number;
                                sku: string;
                                source_location_id: string;
                                total_cents: number;
                                unit_price_cents: number;
                                vat_cents: number;
                                /** @description Percent, e.g. 20 or 5.5. */
                                vat_rate: number;
                            }[];
                            /** @description Human-readable order number, printed on receipts. */
                            number: string;
                            paid_cents: number;
                            payments: {
                                amount_cents: number;
                                change_due_cents: number | null;
                                id: string;
                                /** @enum {unknown} */
                                kind: "capture" | "refund";
                                /** @enum {unknown} */
                                method: "card" | "cash" | "gift_card" | "store_credit" | "voucher" | "loyalty_points" | "partner";
                                reference: string | null;
                                tendered_cents: number | null;
                            }[];
                            /** @description Given by the customer at collection (pickup, reserve & collect); hidden from store keys. */
                            pickup_code: string | null;
                            /** @description Goods brought to the pickup store because it does not hold them; the collect task gives the later promise. */
                            pickup_routing: {
                                explanation: string[];
                                /** @description Units already on their way to the store, kept for this order. */
                                incoming?: {
                                    /** Format: date-time */
                                    expected_at: string;
                                    line_no: number;
                                    quantity: number;
                                    sku: string;
                                    transfer_id: string;
                                }[];
                                transfers: {
                                    code: string;
                                    distance_km: number;
                                    from_location_id: string;
                                    kind: string;
                                    lines: {
                                        line_no: number;
                                        quantity: number;
                                        sku: string;
                                    }[];
                                    name: string;
                                    to_location_id: string;
                                }[];
                            } | null;
                            /** Format: date-time */
                            placed_at: string | null;
                            /** @description Promotions the order uses, applied by priority when it was placed. */
                            promotions: {
                                code: string;
                                discount_cents: number;
                                name: string;
                                promotion_id: string;
                            }[];
                            /** @description EAN-13 printed on the receipt (29 + order number): scanned at any till to find the purchase. */
                            receipt_barcode: string;
                            refunded_cents: number;
                            /** @description Where the delivery lines ship from and why. */
                            routing: {
                                destination: {
                                    lat: number;
                                    lon: number;
                                    /** @description address, postcode or department */
                                    precision: string;
                                };
                                excluded: {
                                    code: string;
                                    name: string;
                                    reason: string;
                                }[];
                                /** @description Why these locations, in plain language. */
                                explanation: string[];
                                /** @description True when the allocation is proven the cheapest. */
                                optimal: boolean;
                                shipments: {
                                    code: string;
                                    cost: {
                                        [key: string]: number;
                                    };
                                    distance_km: number;
                                    kind: string;
                                    lines: {
                                        line_no: number;
                                        quantity: number;
                                        sku: string;
                                    }[];
                                    location_id: string;
                                    name: string;
                                }[];
                                /** @description What the shipments cost the retailer. */
                                total_cost_cents: number;
                            } | null;
                            /** @enum {unknown} */
                            status: "draft" | "placed" | "partially_fulfilled" | "fulfilled" | "completed" | "cancelled" | "expired";
                            store_id: string | null;
                            /** @description Preparation work in locations. */
                            tasks?: {
                                id: string;
                                /** @description ship: a parcel to the customer; collect: handed over in the store. */
                                kind: string;
                                lines: {
                                    order_line_id: string;
                                    quantity: number;
                                    /** @description Units not found or damaged here, moved or cancelled. */
                                    rejected_quantity: number;
                                    sku: string;
                                }[];
                                location_id: string;
                                /** Format: date-time */
                                promised_at: string;
                                status: string;
                            }[];
                            /** @description VAT included. */
                            total_cents: number;
                            /** Format: date-time */
                            updated_at: string;
                            vat_breakdown: {
                                base_incl_cents: number;
                                rate: number;
                                vat_cents: number;
                            }[];
                            vat_cents: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/quote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Price a basket as placing it would: lines, promotions, discounts, VAT and what is due now
         * @description Nothing is reserved, paid or numbered. Give the same body as POST /orders (payments may be left out) to show the customer the total before they pay; promotions whose limits run out meanwhile are refused when the order is placed (409 promotion_limit_reached), never silently charged.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Channel keys: the login of the customer logged in on the channel (linked with POST /customers/{id}/channel-accounts). A channel key sees that customer only. */
                    "x-customer-login"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Channel id or code. */
                        channel: string;
                        /** @description Customer; omit for an anonymous till sale. */
                        customer_id?: string;
                        delivery_address?: {
                            city: string;
                            country: string;
                            lat?: number;
                            line1: string;
                            lon?: number;
                            name: string;
                            postcode: string;
                        };
                        /** @description Hold the stock for a short time (checkout, phone order); confirm with payment. */
                        draft?: boolean;
                        hold_minutes?: number;
                        lines: {
                            /** @description Manual line discount (staff only). */
                            discount_cents?: number;
                            /** @enum {unknown} */
                            fulfilment: "takeaway" | "delivery" | "pickup" | "reserve";
                            /** @description Store where the customer collects (pickup, reserve), id or code. */
                            pickup_location_id?: string;
                            quantity: number;
                            sku: string;
                        }[];
                        payments?: {
                            amount_cents: number;
                            /** @enum {unknown} */
                            method: "card" | "cash" | "gift_card" | "store_credit" | "voucher" | "loyalty_points";
                            /** @description Card authorisation; for gift_card, store_credit and voucher the code to spend (required). */
                            reference?: string;
                            /** @description Cash handed over; change is given back. */
                            tendered_cents?: number;
                        }[];
                        /** @description Voucher codes the customer gives; promotions without a code apply by themselves. */
                        promotion_codes?: string[];
                        /** @description Selling store, id or code (defaults to the store of a store_staff key). */
                        store_id?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channel: {
                                code: string;
                                id: string;
                            };
                            currency: string;
                            customer_id: string | null;
                            /** @description What payments must cover now (reserve & collect is paid later). */
                            due_now_cents: number;
                            lines: {
                                discount_cents: number;
                                /** @enum {unknown} */
                                fulfilment: "takeaway" | "delivery" | "pickup" | "reserve";
                                line_no: number;
                                pickup_location_id: string | null;
                                product_name: string;
                                /** @description The promotions in discount_cents: a return of some units refunds their share of the line. */
                                promotions: {
                                    /** @description What this promotion took off this line. */
                                    cents: number;
                                    code: string;
                                    name: string;
                                    promotion_id: string;
                                }[];
                                quantity: number;
                                sku: string;
                                source_location_id: string;
                                total_cents: number;
                                unit_price_cents: number;
                                vat_cents: number;
                                /** @description Percent, e.g. 20 or 5.5. */
                                vat_rate: number;
                            }[];
                            /** @description Promotions the order uses, applied by priority when it was placed. */
                            promotions: {
                                code: string;
                                discount_cents: number;
                                name: string;
                                promotion_id: string;
                            }[];
                            store_id: string | null;
                            total_cents: number;
                            vat_breakdown: {
                                base_incl_cents: number;
                                rate: number;
                                vat_cents: number;
                            }[];
                            vat_cents: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/authorisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Authorise a card payment at the provider before placing a web or app order
         * @description The web shop or app collects the card with the provider's components (Stripe Elements) and sends the payment method here; the answer’s `intent_id` is the `reference` of the order’s card payment, captured at the provider a moment after the order is placed.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Retrying a request with the same key returns the first result and creates nothing twice. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amount_cents: number;
                        /** @description The order’s currency (EUR). */
                        currency: string;
                        /** @description The provider's payment method collected by the web shop or app (pm_…); card data never comes here. */
                        payment_method: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount_cents: number;
                            /** @description For the web shop or app to finish a requires_action payment. */
                            client_secret: string | null;
                            /** @description Give it as the card payment’s `reference` when placing the order (pi_…). */
                            intent_id: string;
                            provider: string;
                            /** @description requires_capture once authorised; requires_action when the bank asks the customer (3-D Secure). */
                            status: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Refunds executed at the payment provider, with why those still pending are
         * @description One per card refund of a web or app order paid through the provider (cancellations, lines nobody could serve, expired pickups, returns at any store or by post). A refused or failed attempt stays pending with the provider's reason and is sent again with backoff (30 s, doubling, up to 6 h). Card refunds of till sales stay at the till and are not listed.
         */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor of the previous page. */
                    cursor?: string;
                    limit?: number;
                    order_id?: string;
                    status?: "pending" | "succeeded" | "failed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                amount_cents: number;
                                attempts: number;
                                /** @description The card payment it gives back. */
                                capture_payment_id: string;
                                /** Format: date-time */
                                created_at: string;
                                /** @description The payment.refunded event: the first Idempotency-Key sent. */
                                event_id: string;
                                /** @description prf_… */
                                id: string;
                                /** @description The provider's payment refunded (pi_…). */
                                intent_id: string;
                                /**
                                 * Format: date-time
                                 * @description When a pending refund is sent again.
                                 */
                                next_attempt_at: string | null;
                                order_id: string;
                                /** @description The order's refund payment this executes. */
                                payment_id: string;
                                provider: string;
                                /** @description The provider's refund (re_…), once it answered. */
                                provider_refund_id: string | null;
                                /** @description The provider's answer to the last failed attempt, or why it failed. */
                                reason: string | null;
                                return_id: string | null;
                                /**
                                 * @description pending: not yet done at the provider (waiting for its capture, retried after a refusal or an outage, or accepted and awaiting the bank); succeeded; failed: the provider reports it failed (see reason).
                                 * @enum {unknown}
                                 */
                                status: "pending" | "succeeded" | "failed";
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                            /** @description Pass as cursor to get the next page; null on the last page. */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/webhooks/stripe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stripe webhooks: refund outcomes (charge.refunded, refund.updated)
         * @description Called by Stripe, signed in Stripe-Signature with STRIPE_WEBHOOK_SECRET (no API key). Refused with 400 (and logged without personal data, nothing changed) when the signature is wrong, older or newer than 5 minutes, the event was received before, or it is about a payment Passerelle did not send there.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            event_id: string;
                            /** @enum {boolean} */
                            received: true;
                            refunds_updated: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/price-lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the price lists */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor of the previous page. */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                code: string;
                                /** Format: date-time */
                                created_at: string;
                                currency: string;
                                id: string;
                                name: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                            /** @description Pass as cursor to get the next page; null on the last page. */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Create a price list (tarif), shared by the channels that sell at the same prices */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Retrying a request with the same key returns the first result and creates nothing twice. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        /** @description ISO 4217, EUR by default. */
                        currency?: string;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            /** Format: date-time */
                            created_at: string;
                            currency: string;
                            id: string;
                            name: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/price-lists/{ref}/prices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prices TTC of a list, by SKU */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor of the previous page. */
                    cursor?: string;
                    limit?: number;
                    /** @description Only these SKUs (repeat the parameter for several). */
                    sku?: string[];
                };
                header?: never;
                path: {
                    /** @description Price list id or code. */
                    ref: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description Unit price including VAT (TTC), in cents. */
                                amount_cents: number;
                                sku: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                            /** @description Pass as cursor to get the next page; null on the last page. */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        /**
         * Set many prices TTC of a list at once (new tariff, price change per channel)
         * @description Up to 5000 prices per call, replacing those already set. All or nothing: an unknown SKU answers 422 `unknown_sku` naming it (e.g. `prices/12/sku`) and changes no price.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Price list id or code. */
                    ref: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        prices: {
                            /** @description Unit price TTC in cents. */
                            amount_cents: number;
                            sku: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            updated: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search the catalog; a channel key (web shop, partner) only sees its own channel’s assortment
         * @description Filters combine. A `channel` key is always limited to the products its channel lists (asking for another channel answers 403).
         */
        get: {
            parameters: {
                query?: {
                    category?: string;
                    /** @description Only products this channel lists. */
                    channel?: string;
                    /** @description next_cursor of the previous page. */
                    cursor?: string;
                    limit?: number;
                    /** @description Part of a name, code or SKU. */
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                brand: string;
                                category: string;
                                /** @description Codes of the channels listing the product. */
                                channels: string[];
                                code: string;
                                /** Format: date-time */
                                created_at: string;
                                description: string;
                                id: string;
                                name: string;
                                /** Format: date-time */
                                updated_at: string;
                                variants: {
                                    attributes: {
                                        [key: string]: string;
                                    };
                                    ean: string;
                                    id: string;
                                    name: string;
                                    prices: {
                                        /** @description Unit price TTC in cents. */
                                        amount_cents: number;
                                        /** @description Price list code. */
                                        price_list: string;
                                    }[];
                                    sku: string;
                                }[];
                                /** @description Percent. */
                                vat_rate: number;
                            }[];
                            /** @description Pass as cursor to get the next page; null on the last page. */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a product (référence) with its variants, EAN-13 barcodes, prices TTC and channels
         * @description All or nothing: a barcode with a wrong check digit (400 naming `variants/i/ean`), a SKU, EAN or code already used (409 `already_exists`), an unknown price list or channel (422) write nothing.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Retrying a request with the same key returns the first result and creates nothing twice. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        brand?: string;
                        category: string;
                        /** @description Channels (codes or ids) that list the product (assortiment). */
                        channels?: string[];
                        /** @description Unique, URL-safe. */
                        code: string;
                        description?: string;
                        name: string;
                        variants: {
                            /** @description What tells the variant from its siblings, e.g. {"taille": "M", "couleur": "bleu"}. */
                            attributes?: {
                                [key: string]: string;
                            };
                            /** @description EAN-13 barcode, check digit included; unique. A wrong check digit answers 400 saying which. */
                            ean: string;
                            /** @description The product name by default. */
                            name?: string;
                            /** @description Unit price TTC in cents by price list code, e.g. {"WEB": 1999}. */
                            prices?: {
                                [key: string]: number;
                            };
                            /** @description Unique. */
                            sku: string;
                        }[];
                        /** @description French VAT rate (TVA) in percent: 20, 10, 5.5 or 2.1. */
                        vat_rate: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            brand: string;
                            category: string;
                            /** @description Codes of the channels listing the product. */
                            channels: string[];
                            code: string;
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            id: string;
                            name: string;
                            /** Format: date-time */
                            updated_at: string;
                            variants: {
                                attributes: {
                                    [key: string]: string;
                                };
                                ean: string;
                                id: string;
                                name: string;
                                prices: {
                                    /** @description Unit price TTC in cents. */
                                    amount_cents: number;
                                    /** @description Price list code. */
                                    price_list: string;
                                }[];
                                sku: string;
                            }[];
                            /** @description Percent. */
                            vat_rate: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{ref}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A product with its variants, prices and channels; a channel key sees its own channel’s only */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Product id or code. */
                    ref: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            brand: string;
                            category: string;
                            /** @description Codes of the channels listing the product. */
                            channels: string[];
                            code: string;
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            id: string;
                            name: string;
                            /** Format: date-time */
                            updated_at: string;
                            variants: {
                                attributes: {
                                    [key: string]: string;
                                };
                                ean: string;
                                id: string;
                                name: string;
                                prices: {
                                    /** @description Unit price TTC in cents. */
                                    amount_cents: number;
                                    /** @description Price list code. */
                                    price_list: string;
                                }[];
                                sku: string;
                            }[];
                            /** @description Percent. */
                            vat_rate: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename or recategorise a product, change its brand, description or VAT rate */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Product id or code. */
                    ref: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        brand?: string;
                        category?: string;
                        description?: string;
                        name?: string;
                        /** @description French VAT rate (TVA) in percent: 20, 10, 5.5 or 2.1. */
                        vat_rate?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            brand: string;
                            category: string;
                            /** @description Codes of the channels listing the product. */
                            channels: string[];
                            code: string;
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            id: string;
                            name: string;
                            /** Format: date-time */
                            updated_at: string;
                            variants: {
                                attributes: {
                                    [key: string]: string;
                                };
                                ean: string;
                                id: string;
                                name: string;
                                prices: {
                                    /** @description Unit price TTC in cents. */
                                    amount_cents: number;
                                    /** @description Price list code. */
                                    price_list: string;
                                }[];
                                sku: string;
                            }[];
                            /** @description Percent. */
                            vat_rate: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/products/{ref}/variants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a variant (a new size, colour…) with its EAN-13 and prices TTC
         * @description Same checks as at product creation; answers the whole product.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Retrying a request with the same key returns the first result and creates nothing twice. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Product id or code. */
                    ref: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description What tells the variant from its siblings, e.g. {"taille": "M", "couleur": "bleu"}. */
                        attributes?: {
                            [key: string]: string;
                        };
                        /** @description EAN-13 barcode, check digit included; unique. A wrong check digit answers 400 saying which. */
                        ean: string;
                        /** @description The product name by default. */
                        name?: string;
                        /** @description Unit price TTC in cents by price list code, e.g. {"WEB": 1999}. */
                        prices?: {
                            [key: string]: number;
                        };
                        /** @description Unique. */
                        sku: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            brand: string;
                            category: string;
                            /** @description Codes of the channels listing the product. */
                            channels: string[];
                            code: string;
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            id: string;
                            name: string;
                            /** Format: date-time */
                            updated_at: string;
                            variants: {
                                attributes: {
                                    [key: string]: string;
                                };
                                ean: string;
                                id: string;
                                name: string;
                                prices: {
                                    /** @description Unit price TTC in cents. */
                                    amount_cents: number;
                                    /** @description Price list code. */
                                    price_list: string;
                                }[];
                                sku: string;
                            }[];
                            /** @description Percent. */
                            vat_rate: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/promotions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Promotions, newest first; filter by channel, or those running now */
        get: {
            parameters: {
                query?: {
                    channel?: string;
                    /** @description next_cursor of the previous page. */
                    cursor?: string;
                    limit?: number;
                    /** @description true: running now; false: not running. */
                    live?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                active: boolean;
                                amount_cents: number | null;
                                buy: number | null;
                                channel_kinds: string[] | null;
                                /** @description Channel ids; null: not limited by channel. */
                                channels: string[] | null;
                                code: string;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                ends_at: string | null;
                                fixed_price_cents: number | null;
                                get: number | null;
                                id: string;
                                /** @enum {unknown} */
                                kind: "percentage" | "amount_off" | "fixed_price" | "buy_x_get_y" | "nth_item" | "basket_threshold";
                                limit_per_customer: number | null;
                                limit_total: number | null;
                                name: string;
                                nth: number | null;
                                percent_bp: number | null;
                                priority: number;
                                /** @enum {unknown} */
                                stacking: "stackable" | "exclusive";
                                /** Format: date-time */
                                starts_at: string | null;
                                target: {
                                    /** @enum {string} */
                                    kind: "basket";
                                } | {
                                    /** @enum {string} */
                                    kind: "products";
                                    products: string[];
                                } | {
                                    categories: string[];
                                    /** @enum {string} */
                                    kind: "categories";
                                };
                                threshold_cents: number | null;
                                /** @description Orders holding one of its limited uses now. */
                                used_count: number;
                                voucher_code: string | null;
                            }[];
                            /** @description Pass as cursor to get the next page; null on the last page. */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Define a promotion once: its channels (or every one), dates, target, amount, stacking, limits */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Retrying a request with the same key returns the first result and creates nothing twice. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description amount_off: off each unit; basket_threshold: off the basket. */
                        amount_cents?: number;
                        /** @description buy_x_get_y: units bought. */
                        buy?: number;
                        /** @description Kinds of channel, present and future: ["web","mobile"] is online-only, ["store"] store-only. */
                        channel_kinds?: ("store" | "web" | "mobile" | "call_centre" | "catalogue" | "partner")[];
                        /** @description Channel ids or codes. Omit both channels and channel_kinds: every channel. */
                        channels?: string[];
                        /** @description Reference. */
                        code: string;
                        /** Format: date-time */
                        ends_at?: string | null;
                        /** @description fixed_price: the unit price. */
                        fixed_price_cents?: number;
                        /** @description buy_x_get_y: units free. */
                        get?: number;
                        /** @enum {unknown} */
                        kind: "percentage" | "amount_off" | "fixed_price" | "buy_x_get_y" | "nth_item" | "basket_threshold";
                        /** @description Orders one customer may use it for. */
                        limit_per_customer?: number | null;
                        /** @description Orders that may use it in all. */
                        limit_total?: number | null;
                        /** @description Shown on receipts. */
                        name: string;
                        /** @description nth_item: every nth unit. */
                        nth?: number;
                        /** @description Percentage off in basis points (1500 = 15 %). */
                        percent_bp?: number;
                        /** @description Lower applies first. */
                        priority?: number;
                        /**
                         * @description exclusive: only lines no promotion touched yet, and none touches them after.
                         * @enum {unknown}
                         */
                        stacking?: "stackable" | "exclusive";
                        /** Format: date-time */
                        starts_at?: string | null;
                        /** @description What it discounts: the whole basket, some products, or some categories. */
                        target: {
                            /** @enum {string} */
                            kind: "basket";
                        } | {
                            /** @enum {string} */
                            kind: "products";
                            /** @description Product ids or codes. */
                            products: string[];
                        } | {
                            categories: string[];
                            /** @enum {string} */
                            kind: "categories";
                        };
                        /** @description basket_threshold: from this eligible amount. */
                        threshold_cents?: number;
                        /** @description Code to give. */
                        voucher_code?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            amount_cents: number | null;
                            buy: number | null;
                            channel_kinds: string[] | null;
                            /** @description Channel ids; null: not limited by channel. */
                            channels: string[] | null;
                            code: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            ends_at: string | null;
                            fixed_price_cents: number | null;
                            get: number | null;
                            id: string;
                            /** @enum {unknown} */
                            kind: "percentage" | "amount_off" | "fixed_price" | "buy_x_get_y" | "nth_item" | "basket_threshold";
                            limit_per_customer: number | null;
                            limit_total: number | null;
                            name: string;
                            nth: number | null;
                            percent_bp: number | null;
                            priority: number;
                            /** @enum {unknown} */
                            stacking: "stackable" | "exclusive";
                            /** Format: date-time */
                            starts_at: string | null;
                            target: {
                                /** @enum {string} */
                                kind: "basket";
                            } | {
                                /** @enum {string} */
                                kind: "products";
                                products: string[];
                            } | {
                                categories: string[];
                                /** @enum {string} */
                                kind: "categories";
                            };
                            threshold_cents: number | null;
                            /** @description Orders holding one of its limited uses now. */
                            used_count: number;
                            voucher_code: string | null;
                        } & {
                            discount_given_cents: number;
                            /** @description Orders using it (cancelled ones excluded). */
                            orders: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/promotions/{ref}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A promotion with its use: orders and discount given */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Promotion id or code. */
                    ref: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            amount_cents: number | null;
                            buy: number | null;
                            channel_kinds: string[] | null;
                            /** @description Channel ids; null: not limited by channel. */
                            channels: string[] | null;
                            code: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            ends_at: string | null;
                            fixed_price_cents: number | null;
                            get: number | null;
                            id: string;
                            /** @enum {unknown} */
                            kind: "percentage" | "amount_off" | "fixed_price" | "buy_x_get_y" | "nth_item" | "basket_threshold";
                            limit_per_customer: number | null;
                            limit_total: number | null;
                            name: string;
                            nth: number | null;
                            percent_bp: number | null;
                            priority: number;
                            /** @enum {unknown} */
                            stacking: "stackable" | "exclusive";
                            /** Format: date-time */
                            starts_at: string | null;
                            target: {
                                /** @enum {string} */
                                kind: "basket";
                            } | {
                                /** @enum {string} */
                                kind: "products";
                                products: string[];
                            } | {
                                categories: string[];
                                /** @enum {string} */
                                kind: "categories";
                            };
                            threshold_cents: number | null;
                            /** @description Orders holding one of its limited uses now. */
                            used_count: number;
                            voucher_code: string | null;
                        } & {
                            discount_given_cents: number;
                            /** @description Orders using it (cancelled ones excluded). */
                            orders: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename, reschedule, reprioritise, stop or restart a promotion, or change its total limit */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Promotion id or code. */
                    ref: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        active?: boolean;
                        /** Format: date-time */
                        ends_at?: string | null;
                        /** @description Orders that may use it in all. */
                        limit_total?: number | null;
                        name?: string;
                        priority?: number;
                        /** Format: date-time */
                        starts_at?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            amount_cents: number | null;
                            buy: number | null;
                            channel_kinds: string[] | null;
                            /** @description Channel ids; null: not limited by channel. */
                            channels: string[] | null;
                            code: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            ends_at: string | null;
                            fixed_price_cents: number | null;
                            get: number | null;
                            id: string;
                            /** @enum {unknown} */
                            kind: "percentage" | "amount_off" | "fixed_price" | "buy_x_get_y" | "nth_item" | "basket_threshold";
                            limit_per_customer: number | null;
                            limit_total: number | null;
                            name: string;
                            nth: number | null;
                            percent_bp: number | null;
                            priority: number;
                            /** @enum {unknown} */
                            stacking: "stackable" | "exclusive";
                            /** Format: date-time */
                            starts_at: string | null;
                            target: {
                                /** @enum {string} */
                                kind: "basket";
                            } | {
                                /** @enum {string} */
                                kind: "products";
                                products: string[];
                            } | {
                                categories: string[];
                                /** @enum {string} */
                                kind: "categories";
                            };
                            threshold_cents: number | null;
                            /** @description Orders holding one of its limited uses now. */
                            used_count: number;
                            voucher_code: string | null;
                        } & {
                            discount_given_cents: number;
                            /** @description Orders using it (cancelled ones excluded). */
                            orders: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/purchases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find a purchase from any channel: order number, receipt barcode, customer or payment
         * @description Staff find purchases from every channel. A channel key finds its own channel’s purchases of the customer logged in on it (X-Customer-Login) and nobody else’s.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Loyalty card number. */
                    card?: string;
                    email?: string;
                    limit?: number;
                    number?: string;
                    /** @description Card authorisation or gift card code. */
                    payment_reference?: string;
                    phone?: string;
                    /** @description EAN-13 scanned off the receipt. */
                    receipt?: string;
                };
                header?: {
                    /** @description Channel keys: the login of the customer logged in on the channel (linked with POST /customers/{id}/channel-accounts). A channel key sees that customer only. */
                    "x-customer-login"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                channel: {
                                    code: string;
                                    id: string;
                                };
                                customer_id: string | null;
                                id: string;
                                lines: {
                                    fulfilled_quantity: number;
                                    id: string;
                                    line_no: number;
                                    product_name: string;
                                    quantity: number;
                                    /** @description Handed over and not yet in a return. */
                                    returnable_quantity: number;
                                    returned_quantity: number;
                                    sku: string;
                                    total_cents: number;
                                }[];
                                number: string;
                                /** Format: date-time */
                                placed_at: string | null;
                                receipt_barcode: string;
                                refunded_cents: number;
                                status: string;
                                store_id: string | null;
                                total_cents: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/return-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Return policies per channel and category (the most specific applies) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                category: string | null;
                                channel_id: string | null;
                                conditions: string[];
                                id: string;
                                reasons: string[];
                                returnable: boolean;
                                window_days: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        /** Set the return policy of a channel and/or category (neither: the default) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        category?: string | null;
                        /** @description Channel id or code. */
                        channel_id?: string | null;
                        conditions?: string[];
                        reasons?: string[];
                        returnable?: boolean;
                        window_days: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                category: string | null;
                                channel_id: string | null;
                                conditions: string[];
                                id: string;
                                reasons: string[];
                                returnable: boolean;
                                window_days: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List returns, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor of the previous page. */
                    cursor?: string;
                    customer_id?: string;
                    limit?: number;
                    /** @description Location id or code. */
                    location_id?: string;
                    order_id?: string;
                    status?: "awaiting_receipt" | "completed" | "cancelled";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** Format: date-time */
                                created_at: string;
                                created_by: string | null;
                                customer_id: string | null;
                                exchange_order_id: string | null;
                                id: string;
                                lines: {
                                    condition: string | null;
                                    id: string;
                                    line_no: number;
                                    order_line_id: string;
                                    quantity: number;
                                    reason: string;
                                    refund_cents: number;
                                    /**
                                     * @description refund (default): the money back, the unit the brand’s (a defective one is quarantined and claimed from the supplier by the store); repair: nothing refunded nor restocked, the item stays the customer’s and a repair ticket in their name follows it (covered for the 2-year legal guarantee, not the return window).
                                     * @enum {unknown}
                                     */
                                    resolution: "refund" | "repair";
                                    sku: string;
                                    /** @description The customer’s repair ticket, or the store’s supplier claim for a defective item refunded. */
                                    ticket_id: string | null;
                                    vat_cents: number;
                                }[];
                                /** @description Where the goods come back. */
                                location_id: string;
                                /** @enum {unknown} */
                                method: "in_store" | "carrier" | "store_drop_off";
                                /** @description Return (RMA) number, printed on the return label. */
                                number: string;
                                order_id: string;
                                order_number: string;
                                /** @description Who lifted which refused rule, and why; `refund`: who refunded at the till what a partner collected, how and why. */
                                override: {
                                    [key: string]: unknown;
                                } | null;
                                /** @description The policy decision per line. */
                                policy: {
                                    [key: string]: unknown;
                                };
                                /** Format: date-time */
                                received_at: string | null;
                                /** @description VAT included; discounts spread over the units. */
                                refund_cents: number;
                                /** @enum {unknown} */
                                refund_to: "original" | "store_credit";
                                refunds?: {
                                    amount_cents: number;
                                    /** @description Gift card, credit note or voucher the value went back to. */
                                    credited_code: string | null;
                                    id: string;
                                    /** @description The tender given back; `partner`: given back by the partner channel that collected it. */
                                    method: string;
                                }[];
                                /** @enum {unknown} */
                                status: "awaiting_receipt" | "completed" | "cancelled";
                                vat_breakdown: {
                                    base_incl_cents: number;
                                    rate: number;
                                    vat_cents: number;
                                }[];
                                /** @description VAT given back. */
                                vat_cents: number;
                            }[];
                            /** @description Pass as cursor to get the next page; null on the last page. */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Return goods bought in any channel: at a till (refunded at once), by carrier or drop-off
         * @description The return policy of the purchase channel and category is evaluated per line (window, returnable, reasons) and stored with the return; a refused rule needs a manager override with a reason. A line never gives back more units than were handed over. Refunds go back to the tenders: credit notes, vouchers, gift cards, points, then card, then cash (at a till only, up to the cash taken); what no tender can take becomes a credit note. Money a partner channel collected (a marketplace) goes back through that partner (refund method `partner`, owed on its settlement), never from a till, unless a manager gives `refund_override`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Retrying a request with the same key returns the first result and creates nothing twice. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Goods taken in exchange, in the same transaction: paid first with the value returned; payments cover any difference; a smaller price leaves the rest on a credit note. */
                        exchange?: {
                            /** @description Channel id or code. */
                            channel: string;
                            delivery_address?: {
                                city: string;
                                country: string;
                                lat?: number;
                                line1: string;
                                lon?: number;
                                name: string;
                                postcode: string;
                            };
                            lines: {
                                /** @description Manual line discount (staff only). */
                                discount_cents?: number;
                                /** @enum {unknown} */
                                fulfilment: "takeaway" | "delivery" | "pickup" | "reserve";
                                /** @description Store where the customer collects (pickup, reserve), id or code. */
                                pickup_location_id?: string;
                                quantity: number;
                                sku: string;
                            }[];
                            payments?: {
                                amount_cents: number;
                                /** @enum {unknown} */
                                method: "card" | "cash" | "gift_card" | "store_credit" | "voucher" | "loyalty_points";
                                /** @description Card authorisation; for gift_card, store_credit and voucher the code to spend (required). */
                                reference?: string;
                                /** @description Cash handed over; change is given back. */
                                tendered_cents?: number;
                            }[];
                            /** @description Voucher codes the customer gives; promotions without a code apply by themselves. */
                            promotion_codes?: string[];
                            /** @description Selling store, id or code (defaults to the store of a store_staff key). */
                            store_id?: string;
                        };
                        lines: {
                            /**
                             * @description resellable: back on the shelf; damaged: quarantine; defective: quarantine and, refunded, the store’s supplier claim ticket.
                             * @enum {unknown}
                             */
                            condition?: "resellable" | "damaged" | "defective";
                            /** @description Order line */
                            order_line_id: string;
                            quantity: number;
                            /** @enum {unknown} */
                            reason: "changed_mind" | "wrong_size" | "defective" | "damaged_on_arrival" | "not_as_described" | "wrong_item" | "late_delivery" | "other";
                            /**
                             * @description refund (default): the money back, the unit the brand’s (a defective one is quarantined and claimed from the supplier by the store); repair: nothing refunded nor restocked, the item stays the customer’s and a repair ticket in their name follows it (covered for the 2-year legal guarantee, not the return window).
                             * @enum {unknown}
                             */
                            resolution?: "refund" | "repair";
                        }[];
                        /** @description Drop-off store, or the location receiving a carrier return (a warehouse by default); id or code. */
                        location_id?: string;
                        /**
                         * @description in_store: at a till, goods in hand (inspected and refunded at once); carrier: picked up or posted; store_drop_off: left at a store.
                         * @enum {unknown}
                         */
                        method: "in_store" | "carrier" | "store_drop_off";
                        /** @description The purchase, from any channel. */
                        order_id: string;
                        /** @description A manager lifts a refused policy rule; recorded with the return. */
                        override?: {
                            reason: string;
                        };
                        /** @description A store manager (or head office) refunds at the till, in this tender, a purchase whose money a partner channel collected (by default it goes back through the partner, owed on its settlement); recorded with the return (override.refund). */
                        refund_override?: {
                            /** @enum {unknown} */
                            method: "card" | "cash";
                            reason: string;
                        };
                        /**
                         * @description original (default): back to the tenders, in the documented order; store_credit: a credit note.
                         * @enum {unknown}
                         */
                        refund_to?: "original" | "store_credit";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            created_by: string | null;
                            customer_id: string | null;
                            exchange_order_id: string | null;
                            id: string;
                            lines: {
                                condition: string | null;
                                id: string;
                                line_no: number;
                                order_line_id: string;
                                quantity: number;
                                reason: string;
                                refund_cents: number;
                                /**
                                 * @description refund (default): the money back, the unit the brand’s (a defective one is quarantined and claimed from the supplier by the store); repair: nothing refunded nor restocked, the item stays the customer’s and a repair ticket in their name follows it (covered for the 2-year legal guarantee, not the return window).
                                 * @enum {unknown}
                                 */
                                resolution: "refund" | "repair";
                                sku: string;
                                /** @description The customer’s repair ticket, or the store’s supplier claim for a defective item refunded. */
                                ticket_id: string | null;
                                vat_cents: number;
                            }[];
                            /** @description Where the goods come back. */
                            location_id: string;
                            /** @enum {unknown} */
                            method: "in_store" | "carrier" | "store_drop_off";
                            /** @description Return (RMA) number, printed on the return label. */
                            number: string;
                            order_id: string;
                            order_number: string;
                            /** @description Who lifted which refused rule, and why; `refund`: who refunded at the till what a partner collected, how and why. */
                            override: {
                                [key: string]: unknown;
                            } | null;
                            /** @description The policy decision per line. */
                            policy: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            received_at: string | null;
                            /** @description VAT included; discounts spread over the units. */
                            refund_cents: number;
                            /** @enum {unknown} */
                            refund_to: "original" | "store_credit";
                            refunds?: {
                                amount_cents: number;
                                /** @description Gift card, credit note or voucher the value went back to. */
                                credited_code: string | null;
                                id: string;
                                /** @description The tender given back; `partner`: given back by the partner channel that collected it. */
                                method: string;
                            }[];
                            /** @enum {unknown} */
                            status: "awaiting_receipt" | "completed" | "cancelled";
                            vat_breakdown: {
                                base_incl_cents: number;
                                rate: number;
                                vat_cents: number;
                            }[];
                            /** @description VAT given back. */
                            vat_cents: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A return with its lines, policy decision, refunds and where the money went */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Return id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            created_by: string | null;
                            customer_id: string | null;
                            exchange_order_id: string | null;
                            id: string;
                            lines: {
                                condition: string | null;
                                id: string;
                                line_no: number;
                                order_line_id: string;
                                quantity: number;
                                reason: string;
                                refund_cents: number;
                                /**
                                 * @description refund (default): the money back, the unit the brand’s (a defective one is quarantined and claimed from the supplier by the store); repair: nothing refunded nor restocked, the item stays the customer’s and a repair ticket in their name follows it (covered for the 2-year legal guarantee, not the return window).
                                 * @enum {unknown}
                                 */
                                resolution: "refund" | "repair";
                                sku: string;
                                /** @description The customer’s repair ticket, or the store’s supplier claim for a defective item refunded. */
                                ticket_id: string | null;
                                vat_cents: number;
                            }[];
                            /** @description Where the goods come back. */
                            location_id: string;
                            /** @enum {unknown} */
                            method: "in_store" | "carrier" | "store_drop_off";
                            /** @description Return (RMA) number, printed on the return label. */
                            number: string;
                            order_id: string;
                            order_number: string;
                            /** @description Who lifted which refused rule, and why; `refund`: who refunded at the till what a partner collected, how and why. */
                            override: {
                                [key: string]: unknown;
                            } | null;
                            /** @description The policy decision per line. */
                            policy: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            received_at: string | null;
                            /** @description VAT included; discounts spread over the units. */
                            refund_cents: number;
                            /** @enum {unknown} */
                            refund_to: "original" | "store_credit";
                            refunds?: {
                                amount_cents: number;
                                /** @description Gift card, credit note or voucher the value went back to. */
                                credited_code: string | null;
                                id: string;
                                /** @description The tender given back; `partner`: given back by the partner channel that collected it. */
                                method: string;
                            }[];
                            /** @enum {unknown} */
                            status: "awaiting_receipt" | "completed" | "cancelled";
                            vat_breakdown: {
                                base_incl_cents: number;
                                rate: number;
                                vat_cents: number;
                            }[];
                            /** @description VAT given back. */
                            vat_cents: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a return still awaiting its goods (the units can be returned again) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Return id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            created_by: string | null;
                            customer_id: string | null;
                            exchange_order_id: string | null;
                            id: string;
                            lines: {
                                condition: string | null;
                                id: string;
                                line_no: number;
                                order_line_id: string;
                                quantity: number;
                                reason: string;
                                refund_cents: number;
                                /**
                                 * @description refund (default): the money back, the unit the brand’s (a defective one is quarantined and claimed from the supplier by the store); repair: nothing refunded nor restocked, the item stays the customer’s and a repair ticket in their name follows it (covered for the 2-year legal guarantee, not the return window).
                                 * @enum {unknown}
                                 */
                                resolution: "refund" | "repair";
                                sku: string;
                                /** @description The customer’s repair ticket, or the store’s supplier claim for a defective item refunded. */
                                ticket_id: string | null;
                                vat_cents: number;
                            }[];
                            /** @description Where the goods come back. */
                            location_id: string;
                            /** @enum {unknown} */
                            method: "in_store" | "carrier" | "store_drop_off";
                            /** @description Return (RMA) number, printed on the return label. */
                            number: string;
                            order_id: string;
                            order_number: string;
                            /** @description Who lifted which refused rule, and why; `refund`: who refunded at the till what a partner collected, how and why. */
                            override: {
                                [key: string]: unknown;
                            } | null;
                            /** @description The policy decision per line. */
                            policy: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            received_at: string | null;
                            /** @description VAT included; discounts spread over the units. */
                            refund_cents: number;
                            /** @enum {unknown} */
                            refund_to: "original" | "store_credit";
                            refunds?: {
                                amount_cents: number;
                                /** @description Gift card, credit note or voucher the value went back to. */
                                credited_code: string | null;
                                id: string;
                                /** @description The tender given back; `partner`: given back by the partner channel that collected it. */
                                method: string;
                            }[];
                            /** @enum {unknown} */
                            status: "awaiting_receipt" | "completed" | "cancelled";
                            vat_breakdown: {
                                base_incl_cents: number;
                                rate: number;
                                vat_cents: number;
                            }[];
                            /** @description VAT given back. */
                            vat_cents: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/returns/{id}/receive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Receive returned goods: inspect each line, put away or quarantine, refund */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Return id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        lines: {
                            /**
                             * @description resellable: back on the shelf; damaged: quarantine; defective: quarantine and, refunded, the store’s supplier claim ticket.
                             * @enum {unknown}
                             */
                            condition: "resellable" | "damaged" | "defective";
                            /** @description Order line */
                            order_line_id: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            created_by: string | null;
                            customer_id: string | null;
                            exchange_order_id: string | null;
                            id: string;
                            lines: {
                                condition: string | null;
                                id: string;
                                line_no: number;
                                order_line_id: string;
                                quantity: number;
                                reason: string;
                                refund_cents: number;
                                /**
                                 * @description refund (default): the money back, the unit the brand’s (a defective one is quarantined and claimed from the supplier by the store); repair: nothing refunded nor restocked, the item stays the customer’s and a repair ticket in their name follows it (covered for the 2-year legal guarantee, not the return window).
                                 * @enum {unknown}
                                 */
                                resolution: "refund" | "repair";
                                sku: string;
                                /** @description The customer’s repair ticket, or the store’s supplier claim for a defective item refunded. */
                                ticket_id: string | null;
                                vat_cents: number;
                            }[];
                            /** @description Where the goods come back. */
                            location_id: string;
                            /** @enum {unknown} */
                            method: "in_store" | "carrier" | "store_drop_off";
                            /** @description Return (RMA) number, printed on the return label. */
                            number: string;
                            order_id: string;
                            order_number: string;
                            /** @description Who lifted which refused rule, and why; `refund`: who refunded at the till what a partner collected, how and why. */
                            override: {
                                [key: string]: unknown;
                            } | null;
                            /** @description The policy decision per line. */
                            policy: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            received_at: string | null;
                            /** @description VAT included; discounts spread over the units. */
                            refund_cents: number;
                            /** @enum {unknown} */
                            refund_to: "original" | "store_credit";
                            refunds?: {
                                amount_cents: number;
                                /** @description Gift card, credit note or voucher the value went back to. */
                                credited_code: string | null;
                                id: string;
                                /** @description The tender given back; `partner`: given back by the partner channel that collected it. */
                                method: string;
                            }[];
                            /** @enum {unknown} */
                            status: "awaiting_receipt" | "completed" | "cancelled";
                            vat_breakdown: {
                                base_incl_cents: number;
                                rate: number;
                                vat_cents: number;
                            }[];
                            /** @description VAT given back. */
                            vat_cents: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/store-credits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a goodwill credit note (avoir) with its reason */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Retrying a request with the same key returns the first result and creates nothing twice. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Value loaded, in cents. */
                        amount_cents: number;
                        customer_id?: string;
                        reason: string;
                        /** @description Days it can be spent (365). */
                        validity_days?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            balance_cents: number;
                            /** @description Typed or scanned to spend it, as the `reference` of a payment. */
                            code: string;
                            customer_id: string | null;
                            /** Format: date-time */
                            expires_at: string | null;
                            id: string;
                            issued_cents: number;
                            /** @enum {unknown} */
                            kind: "gift_card" | "store_credit" | "voucher";
                            /** @description sale, refund, exchange, goodwill or reward. */
                            source: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stored-value/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Balance and validity of a gift card, credit note or voucher, with its movements */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            balance_cents: number;
                            /** @description Typed or scanned to spend it, as the `reference` of a payment. */
                            code: string;
                            customer_id: string | null;
                            /** Format: date-time */
                            expires_at: string | null;
                            id: string;
                            issued_cents: number;
                            /** @enum {unknown} */
                            kind: "gift_card" | "store_credit" | "voucher";
                            /** @description sale, refund, exchange, goodwill or reward. */
                            source: string;
                        } & {
                            /** @description Movements, newest first (staff only; empty for a web shop). */
                            entries: {
                                actor: string | null;
                                /** @description Signed: value in positive, spent negative. */
                                amount_cents: number;
                                /** Format: date-time */
                                created_at: string;
                                id: number;
                                /** @description issue, redeem, refund, expire or adjust. */
                                kind: string;
                                order_id: string | null;
                                reason: string | null;
                                return_id: string | null;
                            }[];
                            expired: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List tickets, newest first (every staff channel sees all; a channel key its own orders’) */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor of the previous page. */
                    cursor?: string;
                    /** @description Customer id; a merged profile’s id finds the survivor’s tickets */
                    customer_id?: string;
                    limit?: number;
                    /** @description Where the product is (id or code) */
                    location_id?: string;
                    /** @description Order id */
                    order_id?: string;
                    status?: "open" | "in_progress" | "waiting_customer" | "at_repairer" | "resolved" | "closed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** Format: date-time */
                                created_at: string;
                                /** @description The customer of the order (a merged profile’s survivor); null on a supplier claim. */
                                customer_id: string | null;
                                id: string;
                                /**
                                 * @description repair, replacement, complaint, missing_item: the customer’s; supplier_claim: the store’s claim on a defective item refunded and quarantined (no customer, not shown to channel keys).
                                 * @enum {unknown}
                                 */
                                kind: "repair" | "replacement" | "complaint" | "missing_item" | "supplier_claim";
                                /** @description Where the product is; null while the customer has it. */
                                location_id: string | null;
                                /** @description Human-readable ticket number, quoted by the customer and staff. */
                                number: string;
                                /** @description The API key that opened it. */
                                opened_by: string | null;
                                /** @description Channel of the key that opened it. */
                                opened_channel_id: string | null;
                                /** @description Store whose till opened it. */
                                opened_location_id: string | null;
                                order_id: string;
                                order_line_id: string;
                                order_number: string;
                                product_name: string;
                                /** @description How it ended, once resolved or closed. */
                                resolution: string | null;
                                /** @description The return that brought the product back defective. */
                                return_id: string | null;
                                sku: string;
                                /** @enum {unknown} */
                                status: "open" | "in_progress" | "waiting_customer" | "at_repairer" | "resolved" | "closed";
                                subject: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                            /** @description Pass as cursor to get the next page; null on the last page. */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Open an after-sales ticket about an order line (repair, replacement, complaint, missing item)
         * @description From any channel: a till records its store, the call centre and a channel key their channel; a channel key only for its own orders. The customer is the order’s. The first message, or the subject, starts the history.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Retrying a request with the same key returns the first result and creates nothing twice. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        kind: "repair" | "replacement" | "complaint" | "missing_item";
                        /** @description Where the product is, if the brand holds it (id or code) */
                        location_id?: string;
                        /** @description The customer’s account of the problem. */
                        message?: string;
                        /** @description Order id */
                        order_id: string;
                        /** @description The line of that order the ticket is about */
                        order_line_id: string;
                        subject: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            /** @description The customer of the order (a merged profile’s survivor); null on a supplier claim. */
                            customer_id: string | null;
                            id: string;
                            /**
                             * @description repair, replacement, complaint, missing_item: the customer’s; supplier_claim: the store’s claim on a defective item refunded and quarantined (no customer, not shown to channel keys).
                             * @enum {unknown}
                             */
                            kind: "repair" | "replacement" | "complaint" | "missing_item" | "supplier_claim";
                            /** @description Where the product is; null while the customer has it. */
                            location_id: string | null;
                            messages: {
                                /** @description The API key that wrote it. */
                                author: string | null;
                                body: string;
                                /** Format: date-time */
                                created_at: string;
                                from_status: string | null;
                                id: number;
                                /** @description Staff only; never shown to a channel key. */
                                internal: boolean;
                                /** @description Set on a status change (and `open` on the first row). */
                                to_status: string | null;
                            }[];
                            /** @description Human-readable ticket number, quoted by the customer and staff. */
                            number: string;
                            /** @description The API key that opened it. */
                            opened_by: string | null;
                            /** @description Channel of the key that opened it. */
                            opened_channel_id: string | null;
                            /** @description Store whose till opened it. */
                            opened_location_id: string | null;
                            order_id: string;
                            order_line_id: string;
                            order_number: string;
                            product_name: string;
                            /** @description How it ended, once resolved or closed. */
                            resolution: string | null;
                            /** @description The return that brought the product back defective. */
                            return_id: string | null;
                            sku: string;
                            /** @enum {unknown} */
                            status: "open" | "in_progress" | "waiting_customer" | "at_repairer" | "resolved" | "closed";
                            subject: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A ticket with its history: messages, notes and status changes, oldest first
         * @description A channel key does not get the internal notes.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Ticket id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            /** @description The customer of the order (a merged profile’s survivor); null on a supplier claim. */
                            customer_id: string | null;
                            id: string;
                            /**
                             * @description repair, replacement, complaint, missing_item: the customer’s; supplier_claim: the store’s claim on a defective item refunded and quarantined (no customer, not shown to channel keys).
                             * @enum {unknown}
                             */
                            kind: "repair" | "replacement" | "complaint" | "missing_item" | "supplier_claim";
                            /** @description Where the product is; null while the customer has it. */
                            location_id: string | null;
                            messages: {
                                /** @description The API key that wrote it. */
                                author: string | null;
                                body: string;
                                /** Format: date-time */
                                created_at: string;
                                from_status: string | null;
                                id: number;
                                /** @description Staff only; never shown to a channel key. */
                                internal: boolean;
                                /** @description Set on a status change (and `open` on the first row). */
                                to_status: string | null;
                            }[];
                            /** @description Human-readable ticket number, quoted by the customer and staff. */
                            number: string;
                            /** @description The API key that opened it. */
                            opened_by: string | null;
                            /** @description Channel of the key that opened it. */
                            opened_channel_id: string | null;
                            /** @description Store whose till opened it. */
                            opened_location_id: string | null;
                            order_id: string;
                            order_line_id: string;
                            order_number: string;
                            product_name: string;
                            /** @description How it ended, once resolved or closed. */
                            resolution: string | null;
                            /** @description The return that brought the product back defective. */
                            return_id: string | null;
                            sku: string;
                            /** @enum {unknown} */
                            status: "open" | "in_progress" | "waiting_customer" | "at_repairer" | "resolved" | "closed";
                            subject: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/location": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record where the product is now (a store, the warehouse), or null once back with the customer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Ticket id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Location id or code */
                        location_id: string | null;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            /** @description The customer of the order (a merged profile’s survivor); null on a supplier claim. */
                            customer_id: string | null;
                            id: string;
                            /**
                             * @description repair, replacement, complaint, missing_item: the customer’s; supplier_claim: the store’s claim on a defective item refunded and quarantined (no customer, not shown to channel keys).
                             * @enum {unknown}
                             */
                            kind: "repair" | "replacement" | "complaint" | "missing_item" | "supplier_claim";
                            /** @description Where the product is; null while the customer has it. */
                            location_id: string | null;
                            messages: {
                                /** @description The API key that wrote it. */
                                author: string | null;
                                body: string;
                                /** Format: date-time */
                                created_at: string;
                                from_status: string | null;
                                id: number;
                                /** @description Staff only; never shown to a channel key. */
                                internal: boolean;
                                /** @description Set on a status change (and `open` on the first row). */
                                to_status: string | null;
                            }[];
                            /** @description Human-readable ticket number, quoted by the customer and staff. */
                            number: string;
                            /** @description The API key that opened it. */
                            opened_by: string | null;
                            /** @description Channel of the key that opened it. */
                            opened_channel_id: string | null;
                            /** @description Store whose till opened it. */
                            opened_location_id: string | null;
                            order_id: string;
                            order_line_id: string;
                            order_number: string;
                            product_name: string;
                            /** @description How it ended, once resolved or closed. */
                            resolution: string | null;
                            /** @description The return that brought the product back defective. */
                            return_id: string | null;
                            sku: string;
                            /** @enum {unknown} */
                            status: "open" | "in_progress" | "waiting_customer" | "at_repairer" | "resolved" | "closed";
                            subject: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a message to the customer, or an internal note (staff) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Retrying a request with the same key returns the first result and creates nothing twice. */
                    "idempotency-key"?: string;
                };
                path: {
                    /** @description Ticket id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                        /**
                         * @description A note for staff only; not for channel keys.
                         * @default false
                         */
                        internal?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The API key that wrote it. */
                            author: string | null;
                            body: string;
                            /** Format: date-time */
                            created_at: string;
                            from_status: string | null;
                            id: number;
                            /** @description Staff only; never shown to a channel key. */
                            internal: boolean;
                            ticket_id: string;
                            /** @description Set on a status change (and `open` on the first row). */
                            to_status: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move the ticket along its workflow (staff); the change is kept with who made it
         * @description open → in_progress, resolved or closed; in_progress → waiting_customer, at_repairer, resolved or closed; waiting_customer → in_progress, resolved or closed; at_repairer → in_progress or resolved; resolved → in_progress (reopened) or closed; closed is final. Resolving needs `resolution`, and so does closing a ticket that was never resolved. Any other step is 409 `invalid_transition`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Ticket id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Hide the history row from channels.
                         * @default false
                         */
                        internal?: boolean;
                        /** @description What to say in the history. */
                        note?: string;
                        /** @description How it was solved, or why it closes unresolved. */
                        resolution?: string;
                        /** @enum {unknown} */
                        status: "open" | "in_progress" | "waiting_customer" | "at_repairer" | "resolved" | "closed";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            /** @description The customer of the order (a merged profile’s survivor); null on a supplier claim. */
                            customer_id: string | null;
                            id: string;
                            /**
                             * @description repair, replacement, complaint, missing_item: the customer’s; supplier_claim: the store’s claim on a defective item refunded and quarantined (no customer, not shown to channel keys).
                             * @enum {unknown}
                             */
                            kind: "repair" | "replacement" | "complaint" | "missing_item" | "supplier_claim";
                            /** @description Where the product is; null while the customer has it. */
                            location_id: string | null;
                            messages: {
                                /** @description The API key that wrote it. */
                                author: string | null;
                                body: string;
                                /** Format: date-time */
                                created_at: string;
                                from_status: string | null;
                                id: number;
                                /** @description Staff only; never shown to a channel key. */
                                internal: boolean;
                                /** @description Set on a status change (and `open` on the first row). */
                                to_status: string | null;
                            }[];
                            /** @description Human-readable ticket number, quoted by the customer and staff. */
                            number: string;
                            /** @description The API key that opened it. */
                            opened_by: string | null;
                            /** @description Channel of the key that opened it. */
                            opened_channel_id: string | null;
                            /** @description Store whose till opened it. */
                            opened_location_id: string | null;
                            order_id: string;
                            order_line_id: string;
                            order_number: string;
                            product_name: string;
                            /** @description How it ended, once resolved or closed. */
                            resolution: string | null;
                            /** @description The return that brought the product back defective. */
                            return_id: string | null;
                            sku: string;
                            /** @enum {unknown} */
                            status: "open" | "in_progress" | "waiting_customer" | "at_repairer" | "resolved" | "closed";
                            subject: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/variants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Scan a barcode: the variant of an EAN-13 (or SKU), its product, VAT rate and prices TTC
         * @description What a till calls on every scan. A barcode with a wrong check digit (misread) answers 400; an unknown one 404 `variant_not_found`. A channel key finds only its own channel’s products.
         */
        get: {
            parameters: {
                query?: {
                    ean?: string;
                    sku?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attributes: {
                                [key: string]: string;
                            };
                            ean: string;
                            id: string;
                            name: string;
                            prices: {
                                /** @description Unit price TTC in cents. */
                                amount_cents: number;
                                /** @description Price list code. */
                                price_list: string;
                            }[];
                            sku: string;
                        } & {
                            category: string;
                            product_code: string;
                            product_id: string;
                            product_name: string;
                            /** @description Percent. */
                            vat_rate: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List webhook subscriptions, each with its latest delivery attempt */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor of the previous page. */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** Format: date-time */
                                created_at: string;
                                description: string | null;
                                /** Format: date-time */
                                disabled_at: string | null;
                                disabled_by: (never | null) | ("administrator" | "failures");
                                /** @description Why it was disabled: after failing for 3 days, or by an administrator. */
                                disabled_reason: string | null;
                                event_types: string[];
                                /**
                                 * Format: date-time
                                 * @description Every attempt since then failed; null when healthy.
                                 */
                                failing_since: string | null;
                                id: string;
                                /** @description The latest delivery attempt; null before the first. */
                                last_attempt: {
                                    /** Format: date-time */
                                    attempted_at: string;
                                    error: string | null;
                                    ok: boolean;
                                    status_code: number | null;
                                } | null;
                                /** @enum {unknown} */
                                status: "active" | "disabled";
                                url: string;
                            }[];
                            /** @description Pass as cursor to get the next page; null on the last page. */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Subscribe a URL to event types (the signing secret is shown once)
         * @description Each event of the types is POSTed as JSON, signed in Passerelle-Signature (docs/webhooks.md), retried with exponential backoff for up to 72 h; a subscription failing for 3 days is disabled. It receives events published from its creation on (earlier ones by replay).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Retrying a request with the same key returns the first result and creates nothing twice. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        /** @description Event types (order.placed), families (order.*) or * for all. */
                        event_types: string[];
                        /** @description https:// (or http://), no credentials. */
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            description: string | null;
                            /** Format: date-time */
                            disabled_at: string | null;
                            disabled_by: (never | null) | ("administrator" | "failures");
                            /** @description Why it was disabled: after failing for 3 days, or by an administrator. */
                            disabled_reason: string | null;
                            event_types: string[];
                            /**
                             * Format: date-time
                             * @description Every attempt since then failed; null when healthy.
                             */
                            failing_since: string | null;
                            id: string;
                            /** @description The latest delivery attempt; null before the first. */
                            last_attempt: {
                                /** Format: date-time */
                                attempted_at: string;
                                error: string | null;
                                ok: boolean;
                                status_code: number | null;
                            } | null;
                            /** @enum {unknown} */
                            status: "active" | "disabled";
                            url: string;
                        } & {
                            /** @description Signing secret (whsec_…): shown this once. Verify Passerelle-Signature with it. */
                            secret: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A webhook subscription, with why it is disabled if it is */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Webhook subscription id (whk_…). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            description: string | null;
                            /** Format: date-time */
                            disabled_at: string | null;
                            disabled_by: (never | null) | ("administrator" | "failures");
                            /** @description Why it was disabled: after failing for 3 days, or by an administrator. */
                            disabled_reason: string | null;
                            event_types: string[];
                            /**
                             * Format: date-time
                             * @description Every attempt since then failed; null when healthy.
                             */
                            failing_since: string | null;
                            id: string;
                            /** @description The latest delivery attempt; null before the first. */
                            last_attempt: {
                                /** Format: date-time */
                                attempted_at: string;
                                error: string | null;
                                ok: boolean;
                                status_code: number | null;
                            } | null;
                            /** @enum {unknown} */
                            status: "active" | "disabled";
                            url: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a subscription, its pending deliveries and its log */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Webhook subscription id (whk_…). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            description: string | null;
                            /** Format: date-time */
                            disabled_at: string | null;
                            disabled_by: (never | null) | ("administrator" | "failures");
                            /** @description Why it was disabled: after failing for 3 days, or by an administrator. */
                            disabled_reason: string | null;
                            event_types: string[];
                            /**
                             * Format: date-time
                             * @description Every attempt since then failed; null when healthy.
                             */
                            failing_since: string | null;
                            id: string;
                            /** @description The latest delivery attempt; null before the first. */
                            last_attempt: {
                                /** Format: date-time */
                                attempted_at: string;
                                error: string | null;
                                ok: boolean;
                                status_code: number | null;
                            } | null;
                            /** @enum {unknown} */
                            status: "active" | "disabled";
                            url: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a subscription: URL, event types, description, or enable / disable it */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Webhook subscription id (whk_…). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string | null;
                        /** @description Event types (order.placed), families (order.*) or * for all. */
                        event_types?: string[];
                        /**
                         * @description disabled stops deliveries; active resumes them with events published from now on (replay the gap).
                         * @enum {unknown}
                         */
                        status?: "active" | "disabled";
                        url?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            description: string | null;
                            /** Format: date-time */
                            disabled_at: string | null;
                            disabled_by: (never | null) | ("administrator" | "failures");
                            /** @description Why it was disabled: after failing for 3 days, or by an administrator. */
                            disabled_reason: string | null;
                            event_types: string[];
                            /**
                             * Format: date-time
                             * @description Every attempt since then failed; null when healthy.
                             */
                            failing_since: string | null;
                            id: string;
                            /** @description The latest delivery attempt; null before the first. */
                            last_attempt: {
                                /** Format: date-time */
                                attempted_at: string;
                                error: string | null;
                                ok: boolean;
                                status_code: number | null;
                            } | null;
                            /** @enum {unknown} */
                            status: "active" | "disabled";
                            url: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The delivery log: every attempt, newest first, with status, latency and answer excerpt
         * @description outcome=failed lists only the failed attempts; a pending delivery shows its next try.
         */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor of the previous page. */
                    cursor?: string;
                    limit?: number;
                    /** @description Only the attempts that succeeded, or that failed. */
                    outcome?: "ok" | "failed";
                };
                header?: never;
                path: {
                    /** @description Webhook subscription id (whk_…). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description 1 for the first attempt of this delivery. */
                                attempt: number;
                                /** Format: date-time */
                                attempted_at: string;
                                delivery_id: string;
                                /**
                                 * @description pending (retried with backoff), delivered, or failed (given up after 72 h).
                                 * @enum {unknown}
                                 */
                                delivery_status: "pending" | "delivered" | "failed";
                                /** @description timeout, connection_refused, host_not_found… */
                                error: string | null;
                                event_id: string;
                                event_type: string;
                                id: string;
                                latency_ms: number;
                                /**
                                 * Format: date-time
                                 * @description When the delivery is tried again, on its latest attempt while it is pending; else null.
                                 */
                                next_attempt_at: string | null;
                                ok: boolean;
                                replay: boolean;
                                /** @description The first 500 characters of the answer. */
                                response_excerpt: string | null;
                                /** @description The receiver's HTTP status; null without an answer. */
                                status_code: number | null;
                            }[];
                            /** @description Pass as cursor to get the next page; null on the last page. */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send one event again, or every event of its types that occurred in a time range
         * @description At most 10000 events per request; only events still kept (retention) can be replayed.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Webhook subscription id (whk_…). */
                    id: string;
                };
                cookie?: never;
            };
            /** @description Either event_id, or from and to. */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description One event to send again (evt_…). */
                        event_id?: string;
                        /**
                         * Format: date-time
                         * @description Events that occurred from…
                         */
                        from?: string;
                        /**
                         * Format: date-time
                         * @description …until (excluded).
                         */
                        to?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Deliveries queued, sent in order with the others. */
                            queued: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the signing secret (the new one is shown once; the old one stops at once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Webhook subscription id (whk_…). */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The new signing secret, shown this once; the old one stops at once. */
                            secret: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness and database reachability
         * @description 200 when the database answers; 503 while it cannot be reached (the server keeps running and reconnects by itself: a load balancer should route around it meanwhile).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Whether the database answers right now. */
                            database: "ok" | "unavailable";
                            /** @description The embedded database (PGlite) or a PostgreSQL server. */
                            engine: "pglite" | "postgres";
                            status: "ok" | "unavailable";
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Whether the database answers right now. */
                            database: "ok" | "unavailable";
                            /** @description The embedded database (PGlite) or a PostgreSQL server. */
                            engine: "pglite" | "postgres";
                            status: "ok" | "unavailable";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** Error */
        "def-0": {
            error: {
                /**
                 * @description Stable machine-readable code, e.g. insufficient_stock.
                 * @enum {string}
                 */
                code: "already_erased" | "already_exists" | "already_merged" | "api_key_not_found" | "assortment_exclusion_not_found" | "attribution_not_found" | "bad_request" | "balance_due" | "body_too_large" | "cash_not_accepted" | "channel_account_not_found" | "channel_not_found" | "cluster_listing_not_found" | "cluster_price_list_not_found" | "coherence_policy_not_found" | "constraint_violated" | "currency_mismatch" | "cursor_expired" | "customer_already_set" | "customer_not_found" | "database_unavailable" | "draft_expired" | "earlier_period_open" | "event_not_found" | "event_type_not_subscribed" | "expiry_not_configured" | "file_too_large" | "forbidden" | "franchisee_code_taken" | "franchisee_not_found" | "fulfilment_not_offered" | "idempotency_key_reused" | "identity_taken" | "insufficient_balance" | "insufficient_points" | "insufficient_stock" | "internal_error" | "invalid_body" | "invalid_header" | "invalid_input" | "invalid_transition" | "invalid_unsubscribe_link" | "location_not_found" | "login_taken" | "loyalty_needs_customer" | "loyalty_reward_not_found" | "loyalty_rule_not_found" | "no_price" | "not_a_franchised_store" | "not_in_assortment" | "order_not_found" | "order_not_placed" | "order_without_customer" | "over_fulfilment" | "partially_fulfilled" | "payment_declined" | "payment_mismatch" | "payment_provider_not_configured" | "payment_provider_unavailable" | "period_not_over" | "pickup_code_mismatch" | "pickup_locked" | "pickup_not_locked" | "price_incoherent" | "price_list_not_found" | "product_not_found" | "promotion_exists" | "promotion_limit_reached" | "promotion_needs_customer" | "promotion_not_applicable" | "promotion_not_found" | "replay_too_large" | "reservation_missing" | "retry" | "return_exceeds_purchase" | "return_not_allowed" | "return_not_awaiting_receipt" | "return_not_found" | "reward_unavailable" | "route_not_found" | "service_launch_not_found" | "sku_not_found" | "statement_closed" | "stock_changed" | "stock_would_be_negative" | "stored_value_expired" | "stored_value_not_found" | "takeaway_in_draft" | "task_not_found" | "template_not_found" | "ticket_not_found" | "too_many_requests" | "transfer_not_found" | "unauthenticated" | "unknown_channel" | "unknown_price_list" | "unknown_product" | "unknown_reference" | "unknown_sku" | "unsupported_file_type" | "unsupported_media_type" | "variant_not_found" | "voucher_code_taken" | "webhook_disabled" | "webhook_replayed" | "webhook_signature_invalid" | "webhook_subscription_not_found" | "webhook_unknown_payment";
                details?: {
                    [key: string]: unknown;
                };
                /** @description What went wrong and what to do next. */
                message: string;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
