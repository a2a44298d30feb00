package vn.drugcontrol.service.route;

/** A route with this code is registered already: routes are written once. */
class RouteExistsException extends RuntimeException {

	RouteExistsException(String message) {
		super(message);
	}

}
