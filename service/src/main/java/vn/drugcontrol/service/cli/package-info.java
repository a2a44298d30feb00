/**
 * The main job from the command line: classify a facts file, store the run, write the
 * list.
 */
package vn.drugcontrol.service.cli;
