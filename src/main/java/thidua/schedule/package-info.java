/** The schedules of jobs/ in Quartz (serve only): due periods, misfires, scheduler health. */
package thidua.schedule;
