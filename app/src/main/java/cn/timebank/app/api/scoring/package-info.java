/**
 * {@code /api/v1/participants/{bank}/{ref}/score} and {@code /api/v1/banks/{bank}/rating}: stored
 * credit scores with their explanation and bank compliance ratings with their figures.
 */
@NullMarked
package cn.timebank.app.api.scoring;

import org.jspecify.annotations.NullMarked;
