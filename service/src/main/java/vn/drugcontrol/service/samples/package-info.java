/**
 * Sample and synthetic commune facts: a seeded national-scale generator for demos and
 * benchmarks.
 */
package vn.drugcontrol.service.samples;
