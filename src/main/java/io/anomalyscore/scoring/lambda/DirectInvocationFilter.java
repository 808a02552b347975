package io.anomalyscore.scoring.lambda;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Copies the direct-invocation marker from the request to the response, errors included. */
public class DirectInvocationFilter {

    @ServerResponseFilter
    public void mark(ContainerRequestContext request, ContainerResponseContext response) {
        if (DirectInvocation.VALUE.equals(request.getHeaderString(DirectInvocation.HEADER))) {
            response.getHeaders().putSingle(DirectInvocation.HEADER, DirectInvocation.VALUE);
        }
    }
}
